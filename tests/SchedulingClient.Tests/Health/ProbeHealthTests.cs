using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PhoneBooking.SchedulingClient.Tests.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests.Health;

public sealed class ProbeHealthTests : IAsyncLifetime
{
    private const string Ready = "GET /health/ready";
    private ApiStub _server = null!;

    public async Task InitializeAsync() => _server = await ApiStub.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Probe_FailsTwiceThenPasses_DegradedThenDownThenHealthy()
    {
        _server.Script(Ready, Fault.Status(503), Fault.Status(503), Fault.Status(200));
        await using var harness = ClientHarness.Create(_server.BaseAddress, s => s["Scheduling:RetryCount"] = "0");
        var changes = harness.Health.RecordChanges();

        for (var i = 0; i < 3; i++)
        {
            await harness.Probe.ProbeOnceAsync(CancellationToken.None);
        }

        Assert.Collection(
            changes,
            c => Assert.Equal((BackendHealthState.Degraded, "readiness probe failed: HTTP 503"), (c.Current.State, c.Current.Reason)),
            c => Assert.Equal((BackendHealthState.Down, "readiness probe failed 2 times in a row: HTTP 503"), (c.Current.State, c.Current.Reason)),
            c => Assert.Equal(BackendHealthState.Healthy, c.Current.State));
    }

    [Fact]
    public async Task Probe_ConnectionRefused_DegradedWithTheSocketError()
    {
        await using var harness = ClientHarness.Create(FaultServer.ClosedPort(), s => s["Scheduling:RetryCount"] = "0");

        await harness.Probe.ProbeOnceAsync(CancellationToken.None);

        Assert.Equal(BackendHealthState.Degraded, harness.Health.State);
        Assert.Equal("readiness probe failed: connection failed (ConnectionRefused)", harness.Health.Reason);
    }

    [Fact]
    public async Task Probe_SlowReadiness_DegradedWithTheTimeout()
    {
        _server.Script(Ready, Fault.Hang());
        await using var harness = ClientHarness.Create(_server.BaseAddress, s =>
        {
            s["Scheduling:RetryCount"] = "0";
            s["Scheduling:AttemptTimeout"] = "00:00:00.2";
        });

        await harness.Probe.ProbeOnceAsync(CancellationToken.None);

        Assert.Equal("readiness probe failed: no answer within 00:00:00.2000000", harness.Health.Reason);
    }

    [Fact]
    public async Task HostedProbe_RunsOnTheInjectedClock()
    {
        _server.Script(Ready, Fault.Status(503), Fault.Status(503), Fault.Status(200));
        var clock = new ManualTimeProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(ClientHarness.FastSettings(_server.BaseAddress));
        builder.Configuration["Scheduling:RetryCount"] = "0";
        builder.Configuration["Scheduling:HealthProbeInterval"] = "00:00:10";
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSchedulingClient(builder.Configuration);
        using var host = builder.Build();
        var health = host.Services.GetRequiredService<IBackendHealth>();

        await host.StartAsync();
        try
        {
            await health.WaitForAsync(BackendHealthState.Degraded);
            Assert.Equal(1, _server.CountOf(Ready));

            clock.Advance(TimeSpan.FromSeconds(10));
            await health.WaitForAsync(BackendHealthState.Down);

            clock.Advance(TimeSpan.FromSeconds(10));
            await health.WaitForAsync(BackendHealthState.Healthy);
            Assert.Equal(3, _server.CountOf(Ready));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
