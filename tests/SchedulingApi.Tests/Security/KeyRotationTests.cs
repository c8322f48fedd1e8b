using System.Net;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>Two keys per client: the new one is added, clients move over, the old one is removed and then refused.</summary>
public sealed class KeyRotationTests
{
    private const string OldKey = "pbk_test_web_old_0000000000000000000000000000000000";
    private const string NewKey = "pbk_test_web_new_0000000000000000000000000000000000";

    [Fact]
    public async Task Rotation_BothKeysWorkDuring_OldRefusedAfter()
    {
        await using (var during = await TestApi.StartAsync(s => Keys(s, OldKey, NewKey)))
        {
            Assert.Equal(HttpStatusCode.OK, (await during.ClientWithKey(OldKey).GetAsync("/v1/sites")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await during.ClientWithKey(NewKey).GetAsync("/v1/sites")).StatusCode);
        }

        await using var after = await TestApi.StartAsync(s => Keys(s, NewKey));
        await (await after.ClientWithKey(OldKey).GetAsync("/v1/sites")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(HttpStatusCode.OK, (await after.ClientWithKey(NewKey).GetAsync("/v1/sites")).StatusCode);
    }

    private static void Keys(Dictionary<string, string?> settings, params string[] keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"ApiClients:web:KeySha256:{i}"] = ApiKeys.Sha256Hex(keys[i]);
        }
    }
}
