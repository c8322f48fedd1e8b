using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PhoneBooking.ServiceDefaults;

/// <summary>
/// The readiness checks as a gauge (meter <c>PhoneBooking.Health</c>), so alerts see what
/// <c>/health/ready</c> says without a probe of their own: <c>phonebooking.health.check.state{check}</c>,
/// 0 healthy, 1 degraded, 2 unhealthy (as <c>scheduling.client.backend.health</c>: alert on &gt; 0).
/// The host's health check publisher runs the checks every <see cref="MetricsEndpointOptions.HealthCheckInterval"/>;
/// a scrape reads the last report and never runs a check itself.
/// </summary>
public sealed class HealthStateMetrics : IHealthCheckPublisher
{
    public const string MeterName = "PhoneBooking.Health";

    private IReadOnlyList<KeyValuePair<string, HealthStatus>> _last = [];

    public HealthStateMetrics(IMeterFactory meterFactory) =>
        meterFactory.Create(MeterName).CreateObservableGauge(
            "phonebooking.health.check.state",
            () => _last.Select(check => new Measurement<int>(State(check.Value), new KeyValuePair<string, object?>("check", check.Key))),
            "{state}",
            "Readiness checks by name, as last run: 0 healthy, 1 degraded, 2 unhealthy.");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        _last = [.. report.Entries.Select(entry => new KeyValuePair<string, HealthStatus>(entry.Key, entry.Value.Status))];
        return Task.CompletedTask;
    }

    private static int State(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => 0,
        HealthStatus.Degraded => 1,
        _ => 2,
    };
}
