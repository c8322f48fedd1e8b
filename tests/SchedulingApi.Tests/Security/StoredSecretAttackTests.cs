using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>
/// The attacker has a copy of scheduling.db. Before, the idempotency record's fingerprint was an
/// unsalted SHA-256 of path and body, so a group visit's four-digit PIN fell out in under a second.
/// Now it is an HMAC under the API's key, which is not in the database.
/// </summary>
public sealed class StoredSecretAttackTests : ApiTest
{
    private const string Path = "/v1/group-visits";

    [Fact]
    public async Task IdempotencyFingerprint_PinBruteForceFromTheDatabase_FindsNothing()
    {
        var body = Body(TestSettings.FacilityPin);
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("Idempotency-Key", ApiCalls.NewKey());
        Assert.Equal(HttpStatusCode.Accepted, (await Api.ClientWithKey(TestSettings.PhoneLineKey).SendAsync(request)).StatusCode);

        var stored = await StoredFingerprintAsync();

        // The old attack: every PIN, plain SHA-256 of path and body.
        var found = Enumerable.Range(0, 10_000)
            .Select(pin => pin.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
            .Where(pin => Sha256(Path + "\n", Body(pin)) == stored)
            .ToList();
        Assert.Empty(found);

        // It is this request's fingerprint: the API's own key reproduces it.
        Assert.Equal(stored, Api.Services.GetRequiredService<ApiSecrets>().Fingerprint(Path, body));
    }

    [Fact]
    public async Task IdempotencyFingerprint_AfterAKeyRotation_RetriesStillReplay()
    {
        var key = ApiCalls.NewKey();
        var body = ApiCalls.BookingRequest();
        var first = await Client.SubmitAsync(body, key);

        await using var rotated = await Api.StartOnTheSameStorageAsync(settings =>
        {
            settings["Security:PreviousHmacKey"] = TestSettings.HmacKey;
            settings["Security:HmacKey"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("another-test-hmac-key-00000000000"));
        });

        Assert.Equal(first, await rotated.Client.SubmitAsync(body, key));
    }

    [Fact]
    public async Task PersonKeys_BirthDatesCannotBeReadBack()
    {
        await Client.SubmitAsync(ApiCalls.BookingRequest(contactPhone: "+14165550123"));

        var personKey = await Api.ScalarRawAsync<string>("SELECT person_key FROM request_people");

        var guesses = Enumerable.Range(0, 366).Select(d => new DateOnly(1950, 1, 1).AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(guesses, date => Sha256("", Encoding.UTF8.GetBytes($"{date}\n+14165550123\nADA LOVELACE\n1234567890AB")) == personKey);
    }

    private static byte[] Body(string pin) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        facilityCode = TestSettings.FacilityCode,
        pin,
        residentCount = 40,
        staffCount = 12,
        preferredDates = new[] { "2026-12-01" },
        contactPhone = "+14165550123",
        language = "en-CA",
    });

    private static string Sha256(string prefix, byte[] body) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(prefix), .. body]));

    private Task<string> StoredFingerprintAsync() =>
        Api.ScalarRawAsync<string>("SELECT fingerprint FROM idempotency_keys WHERE scope LIKE '%/v1/group-visits'");
}
