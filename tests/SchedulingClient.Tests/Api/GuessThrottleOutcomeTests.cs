using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.SchedulingClient.Tests.Support;

namespace PhoneBooking.SchedulingClient.Tests.Api;

/// <summary>
/// The API's guess throttle (429 <c>too-many-attempts</c>) is an answer about one code, not the
/// backend failing: an attacker guessing birth dates must not open the breaker for every caller.
/// Against the real API, whose clock stands still so the wait never runs out.
/// </summary>
public sealed class GuessThrottleOutcomeTests : IAsyncLifetime
{
    private RealApi _api = null!;
    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _api = await RealApi.StartAsync();
        _harness = ClientHarness.Create(_api.BaseAddress, settings: s =>
        {
            // A breaker that opens at the slightest excuse: 4 failed attempts of 4.
            s["Scheduling:BreakerMinimumThroughput"] = "4";
            s["Scheduling:BreakerFailureRatio"] = "0.5";
            s["Scheduling:DegradedMinimumCalls"] = "4";
        });
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task LookUp_GuessWhileTheCodeMustWait_IsTooManyAttemptsWithItsWaitSentOnce()
    {
        await GuessWrongAsync(times: 5);

        var refused = await _harness.Client.LookUpBookingAsync(new BookingLookup("12345678", RealApi.SeniorBirthDate));

        Assert.Equal(SchedulingOutcome.TooManyAttempts, refused.Outcome);
        Assert.False(refused.IsBackendFailure);
        Assert.Equal((429, "too-many-attempts"), (refused.Problem!.Status, refused.Problem.Slug));
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Problem.RetryAfter);
        Assert.DoesNotContain(_harness.Logs.Records, r => r.EventId.Id == 3001); // not retried: it cannot succeed within a call
    }

    [Fact]
    public async Task Attack_FiftyThrottledGuesses_BreakerStaysClosedAndTheNextCallerIsServed()
    {
        var changes = _harness.Health.RecordChanges();
        await GuessWrongAsync(times: 5);

        for (var i = 0; i < 50; i++)
        {
            var refused = await _harness.Client.LookUpBookingAsync(new BookingLookup("12345678", new DateOnly(1940, 1, 1).AddDays(i)));
            Assert.Equal(SchedulingOutcome.TooManyAttempts, refused.Outcome);
        }

        var honest = await _harness.Client.CheckEligibilityAsync(new EligibilityQuery(RealApi.SeniorBirthDate));

        Assert.True(honest.IsSuccess, honest.ToString());
        Assert.Equal(BackendHealthState.Healthy, _harness.Health.Current.State);
        Assert.Empty(changes);
        Assert.DoesNotContain(_harness.Logs.Records, r => r.EventId.Id is 3001 or 3002);
    }

    [Fact]
    public async Task RateLimited429_StaysATransientFailureThatIsRetried()
    {
        // The client's own request rate (not a guess) is the backend asking everyone to slow down.
        await using var stub = await PhoneBooking.Testing.ApiStub.StartAsync();
        await using var harness = ClientHarness.Create(stub.BaseAddress);
        stub.Script("GET /v1/sites", PhoneBooking.Testing.Fault.Status(429), PhoneBooking.Testing.Fault.Json("[]"));

        var result = await harness.Client.GetSitesAsync();

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(2, stub.CountOf("GET /v1/sites"));
    }

    private async Task GuessWrongAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            var wrong = await _harness.Client.LookUpBookingAsync(new BookingLookup("12345678", new DateOnly(1930, 1, 1).AddDays(i)));
            Assert.Equal(SchedulingOutcome.NotFound, wrong.Outcome);
        }
    }
}
