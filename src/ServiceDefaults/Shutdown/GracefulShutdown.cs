using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhoneBooking.ServiceDefaults.Shutdown;

/// <summary>
/// A deploy that drops nothing. On SIGTERM the host stops in this order (Microsoft.Extensions.Hosting):
/// lifecycle services' <c>StoppingAsync</c>, then every hosted service's <c>StopAsync</c> in reverse
/// order, Kestrel last, all within <c>HostOptions.ShutdownTimeout</c>. This service's
/// <c>StoppingAsync</c> comes first: readiness fails at once (the balancer stops sending), the process
/// keeps serving for <see cref="ShutdownOptions.DrainDelay"/> (what the balancer already sent), then waits
/// for the requests still running — before any background service or the embedded API is stopped
/// under them. Kestrel then closes its idle connections; background services stop at their safe points.
/// </summary>
internal sealed partial class GracefulShutdown(
    ShutdownState state,
    IOptions<ShutdownOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(20);

    // The waits below are on the wall clock, not the injected TimeProvider: a process stops in real
    // time (the platform's grace period does not wait), and a test's manual clock must not hold up its host's shutdown.

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // SIGTERM raises ApplicationStopping before StoppingAsync runs: fail readiness at the first sign.
        lifetime.ApplicationStopping.Register(() => BeginDrain());
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        BeginDrain();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await Task.Delay(options.Value.EffectiveDrainDelay, cancellationToken);
            while (state.InFlight > 0)
            {
                await Task.Delay(InFlightPoll, cancellationToken);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            Drained(logger, elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException)
        {
            // Shutdown:Timeout ran out: Kestrel will cut what is left.
            DrainCutShort(logger, state.InFlight);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Stopped(logger, state.InFlight);
        return Task.CompletedTask;
    }

    private void BeginDrain()
    {
        if (state.StartDraining())
        {
            Draining(logger, options.Value.EffectiveDrainDelay.TotalMilliseconds, state.InFlight);
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Shutting down: readiness fails from now; serving {DrainDelayMs} ms more for the balancer to notice, then finishing {InFlight} requests in flight")]
    private static partial void Draining(ILogger logger, double drainDelayMs, int inFlight);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Drained after {ElapsedMs} ms: no request in flight; stopping background work and the server")]
    private static partial void Drained(ILogger logger, double elapsedMs);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Error, Message = "Shutdown:Timeout ran out with {InFlight} requests in flight: they are cut off")]
    private static partial void DrainCutShort(ILogger logger, int inFlight);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "Stopped ({InFlight} requests in flight)")]
    private static partial void Stopped(ILogger logger, int inFlight);
}

/// <summary>Readiness fails while draining: the balancer takes this instance out before it stops listening.</summary>
internal sealed class DrainingHealthCheck(ShutdownState state) : IHealthCheck
{
    public const string Name = "shutdown";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsDraining
            ? HealthCheckResult.Unhealthy("shutting down: finishing the requests in flight, taking no new ones")
            : HealthCheckResult.Healthy("serving"));
}

internal static class InFlightRequests
{
    /// <summary>Counts the requests being served (health probes aside), so the drain knows when they are done.</summary>
    public static void UseInFlightCount(this WebApplication app, ShutdownState state) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health"))
            {
                await next(context);
                return;
            }

            state.RequestStarted();
            try
            {
                await next(context);
            }
            finally
            {
                state.RequestEnded();
            }
        });
}
