using System.Net;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>
/// A facility PIN is four digits: 10,000 guesses. After five free ones each guess waits 2, 4 … 300
/// seconds, so trying them all takes about 34 days. Before, five wrong PINs locked the facility for
/// 15 minutes — anyone could keep a retirement home from booking. Now the coordinator waits at most
/// five minutes however long the attack goes on.
/// </summary>
public sealed class FacilityPinAttackTests : ApiTest
{
    [Fact]
    public async Task Verify_PinBruteForce_FiveMinutesPerGuessAndTheCoordinatorStillGetsIn()
    {
        using var refusals = SecurityAsserts.Refusals(Api);
        var attacker = Api.ClientWithKey(TestSettings.WebKey);
        var start = Api.Clock.GetUtcNow();
        var checkedGuesses = 0;

        // 0000, 0001, … honouring every wait: the fastest an attacker can go.
        for (var pin = 0; checkedGuesses < 40; pin++)
        {
            var response = await Verify(attacker, pin.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
            if (response.StatusCode == HttpStatusCode.Locked)
            {
                Api.Clock.Advance(await response.RetryAfterAsync(HttpStatusCode.Locked, "facility-locked"));
                pin--;
                continue;
            }

            await response.ProblemAsync(HttpStatusCode.Unauthorized, "facility-credentials-invalid");
            checkedGuesses++;
        }

        var elapsed = Api.Clock.GetUtcNow() - start;
        var perGuess = Throttling().DelayAfter(40);
        Assert.Equal(TimeSpan.FromMinutes(5), perGuess);
        Assert.True(elapsed >= TimeSpan.FromMinutes(5 * (40 - 13)), $"40 guesses in {elapsed}");
        Assert.True(refusals.Count(SecurityReasons.CodeThrottled) > 0);

        // The coordinator calls now: at most one wait of five minutes, then in.
        var first = await Verify(Api.ClientWithKey(TestSettings.PhoneLineKey), TestSettings.FacilityPin);
        var wait = first.StatusCode == HttpStatusCode.OK ? TimeSpan.Zero : await first.RetryAfterAsync(HttpStatusCode.Locked, "facility-locked");
        Assert.True(wait <= TimeSpan.FromMinutes(5));
        Api.Clock.Advance(wait);
        Assert.Equal(HttpStatusCode.OK, (await Verify(Api.ClientWithKey(TestSettings.PhoneLineKey), TestSettings.FacilityPin)).StatusCode);
    }

    [Fact]
    public async Task Verify_FloodWhileWaiting_NotCountedSoTheWaitDoesNotGrow()
    {
        var attacker = Api.ClientWithKey(TestSettings.WebKey);
        for (var i = 0; i < 5; i++)
        {
            await Verify(attacker, "1111");
        }

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Verify(attacker, "1111")));

        var coordinator = await Verify(Api.ClientWithKey(TestSettings.PhoneLineKey), TestSettings.FacilityPin);
        Assert.Equal(TimeSpan.FromSeconds(2), await coordinator.RetryAfterAsync(HttpStatusCode.Locked, "facility-locked"));
    }

    private static GuessLimit Throttling() => new ThrottlingOptions().FacilityCodes;

    private static Task<HttpResponseMessage> Verify(HttpClient client, string pin) =>
        client.PostAsync("/v1/facilities/verify", new { facilityCode = TestSettings.FacilityCode, pin });
}
