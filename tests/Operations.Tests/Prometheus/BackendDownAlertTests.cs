using System.Diagnostics;
using PhoneBooking.Operations.Tests.Support;
using Xunit.Abstractions;
using PhoneBooking.Testing;

namespace PhoneBooking.Operations.Tests.Prometheus;

/// <summary>
/// End to end: a real Prometheus scrapes a running line and its scheduling API (two processes), with the
/// shipped rules; the API is killed (SIGKILL) and the page an on-call engineer would get arrives. The rules
/// are the real files with every <c>for:</c> cut to 2 s so the test takes seconds (promtool tests the
/// real holds: AlertRulesTests).
/// </summary>
[Trait(WholeMachine.Trait, WholeMachine.Value)]
public sealed class BackendDownAlertTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task SchedulingApiKilled_SchedulingBackendDownAndInstanceDownFire()
    {
        // The line's readiness probe of the API every second: Down after two failures in a row.
        await using var processes = await LineProcesses.StartAsync("--Scheduling:HealthProbeInterval", "00:00:01");
        await using var prometheus = await PrometheusServer.StartAsync(
            [("phone-line", processes.Line.BaseAddress), ("scheduling-api", processes.Api.BaseAddress)],
            Directory.GetFiles(Repository.PathOf("deploy", "prometheus", "rules"), "*.rules.yml").Order()
                .Select(file => PrometheusServer.WithShortHolds(File.ReadAllText(file), "2s")),
            Interval);

        // Healthy: both targets up, the line sees its backend healthy, and nothing pages.
        await prometheus.WaitForAsync(
            async () => (await prometheus.QueryAsync("up")).Count(s => s.Value == 1) == 2
                && (await prometheus.QueryAsync("scheduling_client_backend_health")).Any(s => s.Value == 0) ? "" : null,
            TimeSpan.FromSeconds(60), "both targets up and the backend seen healthy");
        await Task.Delay(3 * Interval);
        Assert.Empty(await prometheus.AlertsAsync());

        var killed = Stopwatch.StartNew();
        await processes.Api.KillAsync();

        var backendDown = await prometheus.WaitForAsync(
            async () => (await prometheus.AlertsAsync()).FirstOrDefault(a => a.Name == "SchedulingBackendDown" && a.State == "firing"),
            TimeSpan.FromSeconds(60), "SchedulingBackendDown firing");
        var firedAfter = killed.Elapsed;
        var instanceDown = await prometheus.WaitForAsync(
            async () => (await prometheus.AlertsAsync()).FirstOrDefault(a => a.Name == "InstanceDown" && a.State == "firing"),
            TimeSpan.FromSeconds(30), "InstanceDown firing");
        output.WriteLine($"SchedulingBackendDown firing {firedAfter.TotalSeconds:0.0} s after the API was killed (scrape and evaluation every {Interval.TotalSeconds} s, probe every 1 s, for: 2 s); InstanceDown at {killed.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal("page", backendDown.Labels["severity"]);
        Assert.Equal("phone-line", backendDown.Labels["job"]);
        Assert.Equal("docs/runbooks/scheduling-backend-down.md", backendDown.Annotations["runbook_url"]);
        Assert.Equal(("scheduling-api", processes.Api.BaseAddress.Authority), (instanceDown.Labels["job"], instanceDown.Labels["instance"]));
        Assert.False(processes.Line.HasExited, "the line keeps answering while its API is gone");
    }
}
