using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace PhoneBooking.IvrHost.Observability;

/// <summary>
/// Resolving the providers while the host starts is what makes them listen from the first
/// request; the container owns them and disposes them at shutdown, flushing what is left.
/// </summary>
internal sealed class TelemetryProviders : IHostedService
{
    public TelemetryProviders(MeterProvider meters, TracerProvider traces)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(traces);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
