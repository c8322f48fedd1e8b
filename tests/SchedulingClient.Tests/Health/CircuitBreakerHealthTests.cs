using PhoneBooking.SchedulingClient.Tests.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests.Health;

/// <summary>Breaker open → half-open → closed (or open again), and the health each step reports, on a manual clock.</summary>
public sealed class CircuitBreakerHealthTests : IAsyncLifetime
{
    private const string Sites = "GET /v1/sites";
    private const string Ready = "GET /health/ready";
    private readonly ManualTimeProvider _clock = new();
    private ApiStub _server = null!;
    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiStub.StartAsync();
        _harness = ClientHarness.Create(_server.BaseAddress, time: _clock, settings: s =>
        {
            s["Scheduling:RetryCount"] = "0";
            s["Scheduling:BreakerMinimumThroughput"] = "2";
            s["Scheduling:BreakerFailureRatio"] = "0.5";
            s["Scheduling:BreakerSamplingDuration"] = "00:00:10";
            s["Scheduling:BreakerBreakDuration"] = "00:00:05";
        });
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Breaker_OpensHalfOpensAndCloses_HealthGoesDownDegradedHealthy()
    {
        _server.Script(Sites, Fault.Status(500), Fault.Status(500), Fault.Json("[]"));
        var changes = _harness.Health.RecordChanges();

        await _harness.Client.GetSitesAsync();
        await _harness.Client.GetSitesAsync();
        var openedAt = _clock.GetUtcNow();
        var refused = await _harness.Client.GetSitesAsync();
        _clock.Advance(TimeSpan.FromSeconds(5));
        var trial = await _harness.Client.GetSitesAsync();

        Assert.Equal(BackendFailureReason.CircuitOpen, refused.Failure!.Reason);
        Assert.True(trial.IsSuccess, trial.ToString());
        Assert.Equal(3, _server.CountOf(Sites));
        Assert.Collection(
            changes,
            c => Assert.Equal((BackendHealthState.Healthy, BackendHealthState.Down, "circuit breaker open for 00:00:05 after HTTP 500", openedAt), (c.Previous.State, c.Current.State, c.Current.Reason, c.Current.Since)),
            c => Assert.Equal((BackendHealthState.Degraded, "circuit breaker half-open: trying the backend again"), (c.Current.State, c.Current.Reason)),
            c => Assert.Equal((BackendHealthState.Healthy, "breaker closed, readiness probe passing, recent calls within limits"), (c.Current.State, c.Current.Reason)));
    }

    [Fact]
    public async Task Breaker_TrialCallFails_HealthGoesBackDown()
    {
        _server.Script(Sites, Fault.Status(503));
        var changes = _harness.Health.RecordChanges();

        await _harness.Client.GetSitesAsync();
        await _harness.Client.GetSitesAsync();
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _harness.Client.GetSitesAsync();

        Assert.Equal(
            [BackendHealthState.Down, BackendHealthState.Degraded, BackendHealthState.Down],
            changes.Select(c => c.Current.State));
        Assert.Equal("circuit breaker open for 00:00:05 after HTTP 503", _harness.Health.Reason);
    }

    [Fact]
    public async Task Probe_WhileNobodyCalls_IsTheTrialCallThatClosesTheBreaker()
    {
        _server.Script(Sites, Fault.Status(500));
        _server.Script(Ready, Fault.Status(200));
        await _harness.Client.GetSitesAsync();
        await _harness.Client.GetSitesAsync();

        await _harness.Probe.ProbeOnceAsync(CancellationToken.None);
        Assert.Equal(0, _server.CountOf(Ready));
        Assert.Equal(BackendHealthState.Down, _harness.Health.State);

        _clock.Advance(TimeSpan.FromSeconds(5));
        await _harness.Probe.ProbeOnceAsync(CancellationToken.None);

        Assert.Equal(1, _server.CountOf(Ready));
        Assert.Equal(BackendHealthState.Healthy, _harness.Health.State);
    }
}
