using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.SchedulingClient.Health;
using PhoneBooking.SchedulingClient.Tests.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests.Health;

/// <summary>Degraded from the recent calls: failure ratio and p90 latency over a sliding window on the manual clock.</summary>
public sealed class CallWindowHealthTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private ApiStub _server = null!;
    private ClientHarness _harness = null!;

    private BackendHealthMonitor Monitor => _harness.Services.GetRequiredService<BackendHealthMonitor>();

    public async Task InitializeAsync()
    {
        _server = await ApiStub.StartAsync();
        _harness = ClientHarness.Create(_server.BaseAddress, time: _clock, settings: s => s["Scheduling:RetryCount"] = "0");
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task FailedCalls_ReachTheRatio_DegradedUntilTheyAgeOut()
    {
        _server.Script("GET /v1/sites", Fault.Json("[]"), Fault.Json("[]"), Fault.Json("[]"), Fault.Json("[]"), Fault.Status(500));
        var changes = _harness.Health.RecordChanges();

        for (var i = 0; i < 4; i++)
        {
            await _harness.Client.GetSitesAsync();
        }

        Assert.Equal(BackendHealthState.Healthy, _harness.Health.State);
        await _harness.Client.GetSitesAsync();
        Assert.Equal((BackendHealthState.Degraded, "1 of 5 calls failed in the last 30 s"), (_harness.Health.State, _harness.Health.Reason));

        _clock.Advance(TimeSpan.FromSeconds(31));
        Monitor.Refresh();

        Assert.Equal([BackendHealthState.Degraded, BackendHealthState.Healthy], changes.Select(c => c.Current.State));
    }

    [Fact]
    public void FewerCallsThanTheMinimum_NeverDegrade()
    {
        for (var i = 0; i < 4; i++)
        {
            Monitor.RecordCall(TimeSpan.FromSeconds(3), failed: true);
        }

        Assert.Equal(BackendHealthState.Healthy, _harness.Health.State);
    }

    [Fact]
    public void SlowCalls_P90OverTheLimit_Degraded()
    {
        for (var i = 0; i < 4; i++)
        {
            Monitor.RecordCall(TimeSpan.FromMilliseconds(40), failed: false);
        }

        Monitor.RecordCall(TimeSpan.FromMilliseconds(1400), failed: false);

        Assert.Equal(BackendHealthState.Degraded, _harness.Health.State);
        Assert.Equal("p90 latency 1400 ms over 5 calls in the last 30 s (limit 1000 ms)", _harness.Health.Reason);
    }

    [Fact]
    public async Task Reading_WhileAnUpdateHoldsTheLock_DoesNotWait()
    {
        Task<BackendHealthSnapshot>? readDuringUpdate = null;
        _harness.Health.Changed += (_, _) =>
        {
            // Raised under the monitor's lock: a reader that needed the lock would deadlock here.
            readDuringUpdate = Task.Run(() => _harness.Health.Current);
#pragma warning disable xUnit1031 // Blocking on purpose: the handler must hold the lock while the read happens.
            Assert.True(readDuringUpdate.Wait(TimeSpan.FromSeconds(5)));
#pragma warning restore xUnit1031
        };

        Monitor.ProbeFailed("HTTP 503");

        Assert.Equal(BackendHealthState.Degraded, (await readDuringUpdate!).State);
    }

    [Fact]
    public void Snapshot_WithoutChange_IsTheSameObject()
    {
        var first = _harness.Health.Current;

        Monitor.RecordCall(TimeSpan.FromMilliseconds(30), failed: false);

        Assert.Same(first, _harness.Health.Current);
    }
}
