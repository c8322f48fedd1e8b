using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.Sessions;

/// <summary>
/// Deletes sessions older than <see cref="SessionsOptions.Retention"/> at start and then every
/// <see cref="SessionsOptions.PurgeInterval"/>, on the injected clock. Sessions hold personal
/// data (birth dates, numbers): keeping them no longer than needed is the point.
/// </summary>
internal sealed partial class ExpiredSessionPurger(
    ICallSessionStore store,
    IOptions<SessionsOptions> options,
    TimeProvider clock,
    ILogger<ExpiredSessionPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.PurgeInterval, clock);
        try
        {
            do
            {
                await PurgeOnceAsync(settings.Retention, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    private async Task PurgeOnceAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - retention;
        try
        {
            var deleted = await store.PurgeAsync(cutoff, cancellationToken);
            LogPurged(logger, deleted, cutoff);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The next tick tries again; a failed purge must not stop the line.
            LogPurgeFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2101, EventName = "SessionsPurged", Level = LogLevel.Information, Message = "Purged {Deleted} call sessions last updated before {Cutoff:O}")]
    private static partial void LogPurged(ILogger logger, int deleted, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 2102, EventName = "SessionPurgeFailed", Level = LogLevel.Warning, Message = "Purging expired call sessions failed")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
