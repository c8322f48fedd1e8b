namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>
/// The dialer's loop in this host: read the event feed every <see cref="CallbackOptions.FeedPollInterval"/>,
/// run a pass, sleep until the next pass is worth running (the next pacing slot, or the poll interval),
/// all on the injected <see cref="TimeProvider"/>. A failed pass is logged and retried; at shutdown the
/// dials under way finish (a create-call is never cut off halfway).
/// </summary>
internal sealed class DialerService(
    CallbackDialer dialer,
    OfferFeed feed,
    Microsoft.Extensions.Options.IOptionsMonitor<CallbackOptions> options,
    TimeProvider clock,
    ILogger<DialerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextFeedRead = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.CurrentValue.PollInterval;
            try
            {
                if (clock.GetUtcNow() >= nextFeedRead)
                {
                    await feed.PollAsync(stoppingToken);
                    nextFeedRead = clock.GetUtcNow() + options.CurrentValue.FeedPollInterval;
                }

                wait = await dialer.RunOnceAsync(stoppingToken);
                var untilFeed = nextFeedRead - clock.GetUtcNow();
                wait = untilFeed < wait ? untilFeed : wait;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                DialerLog.PassFailed(logger, exception);
            }

            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await dialer.DrainAsync();
    }
}
