using PhoneBooking.SchedulingClient.Tests.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests.Resilience;

/// <summary>
/// Pins the order total timeout → retry → circuit breaker → attempt timeout by behaviour:
/// each test would fail if two neighbouring strategies swapped places.
/// </summary>
public sealed class PipelineOrderTests : IAsyncLifetime
{
    private const string Sites = "GET /v1/sites";
    private ApiStub _server = null!;

    public async Task InitializeAsync() => _server = await ApiStub.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AttemptTimeout_SitsInsideRetry_EachAttemptIsTimedAndRetried()
    {
        // On the injected clock, moved only once each attempt has reached the server: a busy machine
        // cannot time an attempt out before it was even sent.
        var time = new ManualTimeProvider();
        _server.Script(Sites, Fault.Hang());
        await using var harness = ClientHarness.Create(_server.BaseAddress, s =>
        {
            s["Scheduling:AttemptTimeout"] = "00:00:00.2";
            s["Scheduling:RetryCount"] = "2";
        }, time);

        var call = harness.Client.GetSitesAsync();
        var waited = TimeSpan.Zero;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await _server.WaitForArrivalAsync();
            var sent = attempt;
            waited += await time.AdvanceUntilAsync(() => _server.CountOf(Sites) > sent || call.IsCompleted, TimeSpan.FromMilliseconds(50), limit: TimeSpan.FromSeconds(2));
        }

        var result = await call;

        Assert.Equal(BackendFailureReason.Timeout, result.Failure!.Reason);
        Assert.Equal("get-sites: no answer within 00:00:00.2000000 after 3 attempts", result.Failure.Detail);
        Assert.Equal(3, _server.CountOf(Sites));
        Assert.InRange(waited, TimeSpan.FromSeconds(0.6), TimeSpan.FromSeconds(6)); // three 0.2 s attempts, far inside the 12 s total budget
    }

    [Fact]
    public async Task TotalTimeout_SitsOutsideRetry_BoundsAllAttemptsTogether()
    {
        _server.Script(Sites, Fault.Hang());
        await using var harness = ClientHarness.Create(_server.BaseAddress, s =>
        {
            s["Scheduling:TotalTimeout"] = "00:00:01";
            s["Scheduling:AttemptTimeout"] = "00:00:00.4";
            s["Scheduling:RetryCount"] = "10";
        });

        var result = await harness.Client.GetSitesAsync();

        Assert.Equal(BackendFailureReason.Timeout, result.Failure!.Reason);
        Assert.StartsWith("get-sites: no answer within 00:00:01 after ", result.Failure.Detail);
        Assert.InRange(_server.CountOf(Sites), 1, 3);
    }

    [Fact]
    public async Task CircuitBreaker_SitsInsideRetry_CountsEveryAttempt()
    {
        _server.Script(Sites, Fault.Status(500));
        await using var harness = ClientHarness.Create(_server.BaseAddress, s =>
        {
            s["Scheduling:RetryCount"] = "2";
            s["Scheduling:BreakerMinimumThroughput"] = "3";
            s["Scheduling:BreakerFailureRatio"] = "1";
        });

        var first = await harness.Client.GetSitesAsync();
        var second = await harness.Client.GetSitesAsync();

        // One logical call made three attempts, and the breaker saw all three.
        Assert.Equal("get-sites: HTTP 500 after 3 attempts", first.Failure!.Detail);
        Assert.Equal(BackendFailureReason.CircuitOpen, second.Failure!.Reason);
        Assert.Equal("get-sites: circuit breaker open (not sent)", second.Failure.Detail);
        Assert.Equal(3, _server.CountOf(Sites));
    }

    [Fact]
    public async Task AttemptTimeout_SitsInsideCircuitBreaker_TimeoutsCountAsFailures()
    {
        _server.Script(Sites, Fault.Hang());
        await using var harness = ClientHarness.Create(_server.BaseAddress, s =>
        {
            s["Scheduling:AttemptTimeout"] = "00:00:00.2";
            s["Scheduling:RetryCount"] = "1";
            s["Scheduling:BreakerMinimumThroughput"] = "2";
            s["Scheduling:BreakerFailureRatio"] = "1";
        });

        var first = await harness.Client.GetSitesAsync();
        var second = await harness.Client.GetSitesAsync();

        Assert.Equal("get-sites: no answer within 00:00:00.2000000 after 2 attempts", first.Failure!.Detail);
        Assert.Equal("get-sites: circuit breaker open (not sent)", second.Failure!.Detail);
        Assert.InRange(_server.CountOf(Sites), 1, 2);
    }
}
