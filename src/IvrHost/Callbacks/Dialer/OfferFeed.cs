namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>
/// Reads the scheduling API's event feed from the stored cursor and records, per phone request,
/// whether an offer is waiting to be delivered. At least once: a page is applied and the cursor moved
/// in one transaction, and an event seen twice changes nothing. Read only while an offer callback is
/// open (no callers waiting, no traffic to the API); the cursor keeps the place in between.
/// </summary>
public sealed class OfferFeed(IServiceProvider services, IOfferFeedStore store, DialerMetrics metrics, ILogger<OfferFeed> logger)
{
    public const int PageSize = 500;

    /// <returns>The number of events read.</returns>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        if (!await store.AnyOfferCallbackOpenAsync(cancellationToken))
        {
            return 0;
        }

        var api = services.GetRequiredService<SchedulingClient.ISchedulingClient>();
        var cursor = await store.CursorAsync(cancellationToken);
        var read = 0;
        while (true)
        {
            var page = await api.GetEventsAsync(cursor, PageSize, cancellationToken);
            if (page.Value is not { } events || page.Outcome != SchedulingClient.SchedulingOutcome.Success)
            {
                DialerLog.FeedFailed(logger, cursor, page.Outcome.ToString());
                return read;
            }

            await store.ApplyAsync(events.Events, events.NextCursor, cancellationToken);
            read += events.Events.Count;
            metrics.EventsRead(events.Events.Count);
            DialerLog.FeedRead(logger, events.Events.Count, events.NextCursor);
            if (events.Events.Count < PageSize || events.NextCursor <= cursor)
            {
                return read;
            }

            cursor = events.NextCursor;
        }
    }
}
