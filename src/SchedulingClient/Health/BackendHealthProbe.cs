using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Refit;
using PhoneBooking.SchedulingClient.Diagnostics;
using PhoneBooking.SchedulingClient.Resilience;

namespace PhoneBooking.SchedulingClient.Health;

/// <summary>
/// Probes <c>/health/ready</c> on the injected clock. The probe goes through the same pipeline as
/// every call on purpose: when the line is Down and callers stop calling, the probe is the trial
/// call that lets the breaker half-open and close again.
/// </summary>
internal sealed class BackendHealthProbe(
    IServiceProvider services,
    BackendHealthMonitor monitor,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    ILogger<BackendHealthProbe> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HealthProbeInterval, time);
        try
        {
            do
            {
                await ProbeOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    internal async Task ProbeOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await services.GetRequiredService<ISchedulingApi>().ProbeReadiness(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                Log.Probed(logger, "ready");
                monitor.ProbeSucceeded();
            }
            else
            {
                var reason = FailureText.Describe(response);
                Log.Probed(logger, reason);
                monitor.ProbeFailed(reason);
            }
        }
        catch (ApiRequestException e) when (e.InnerException is BrokenCircuitException)
        {
            // The breaker is open and refused the probe: nothing was learnt, but let the window age.
            monitor.Refresh();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = FailureText.Describe(ex is ApiRequestException { InnerException: { } inner } ? inner : ex);
            Log.Probed(logger, reason);
            monitor.ProbeFailed(reason);
        }
    }
}
