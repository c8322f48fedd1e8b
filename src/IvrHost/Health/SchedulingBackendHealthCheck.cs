using Microsoft.Extensions.Diagnostics.HealthChecks;
using PhoneBooking.SchedulingClient;

namespace PhoneBooking.IvrHost.Health;

/// <summary>
/// Reports the scheduling client's view of the backend. Down is reported as Degraded at worst: a
/// line whose backend is down still answers, says so and offers a callback, so it stays ready.
/// The API's address is not reported: readiness is anonymous, and the address is internal.
/// </summary>
internal sealed class SchedulingBackendHealthCheck(IBackendHealth backend) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = backend.Current;
        var data = new Dictionary<string, object>
        {
            ["state"] = current.State.ToString(),
            ["since"] = current.Since,
        };
        var description = $"{current.State}: {current.Reason}";
        return Task.FromResult(current.State == BackendHealthState.Healthy
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Degraded(description, data: data));
    }
}
