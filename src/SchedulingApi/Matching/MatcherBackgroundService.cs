using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Observability;

namespace PhoneBooking.SchedulingApi.Matching;

/// <summary>Runs a matcher pass whenever woken: by a new request, a released place, or the periodic tick (expiries, opening cohorts).</summary>
internal sealed class MatcherBackgroundService(
    Matcher matcher,
    MatcherSignal signal,
    TimeProvider clock,
    IOptions<MatchingOptions> options,
    ILogger<MatcherBackgroundService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        var tick = TimeSpan.FromSeconds(options.Value.TickSeconds);
        using var timer = clock.CreateTimer(_ => signal.Wake(), null, tick, tick);
        signal.Wake(); // one pass at start: requests queued before a restart, holds that ran out meanwhile
        try
        {
            while (true)
            {
                await signal.WaitAsync(stoppingToken);
                try
                {
                    await matcher.RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.MatcherFailed(ex);
                    await Task.Delay(RetryDelay, clock, stoppingToken);
                    signal.Wake();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
