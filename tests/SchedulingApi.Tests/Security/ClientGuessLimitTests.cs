using System.Net;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>
/// Spraying: one birth-date guess on each of many codes never trips a per-code limit, so each
/// client's wrong guesses are counted too (its role's budget per ten minutes, then a delay). Other
/// clients, and so the callers on the phone line, go on unhindered.
/// </summary>
public sealed class ClientGuessLimitTests : ApiTest
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["ApiClients:web:GuessFailuresPerWindow"] = "20";

    [Fact]
    public async Task Lookup_OneGuessOnEachOfManyCodes_ClientSlowedDownOthersNot()
    {
        using var refusals = SecurityAsserts.Refusals(Api);
        var web = Api.ClientWithKey(TestSettings.WebKey);
        for (var i = 0; i < 20; i++)
        {
            await (await Lookup(web, (40_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        var wait = await (await Lookup(web, "50000000")).RetryAfterAsync(HttpStatusCode.TooManyRequests, "too-many-attempts");

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal(1, refusals.Count(SecurityReasons.ClientThrottled));
        await (await Lookup(Api.ClientWithKey(TestSettings.PhoneLineKey), "50000000")).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        // A delay, not a lock: the window ends and the count starts afresh.
        Api.Clock.Advance(TimeSpan.FromMinutes(10));
        await (await Lookup(web, "50000001")).ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private static Task<HttpResponseMessage> Lookup(HttpClient client, string code) =>
        client.PostAsync("/v1/bookings/lookup", new { confirmationCode = code, birthDate = TestSettings.SeniorBirthDate });
}
