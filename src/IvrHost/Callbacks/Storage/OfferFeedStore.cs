using Dapper;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Callbacks.Storage;

/// <summary>
/// The feed's news per request (<c>callback_offers</c>) and its cursor (<c>callback_feed</c>). Stored for
/// every phone request, not only those with a callback yet: a deferred request's offer can be made
/// before its callback row is written, and the callback still finds it. Every instance reads the feed:
/// news only replaces older news (event ids), and the cursor only moves forward.
/// </summary>
internal sealed class OfferFeedStore(IDatabase database) : IOfferFeedStore
{
    private const string FeedName = "scheduling-events";

    public async Task<long> CursorAsync(CancellationToken cancellationToken) =>
        await database.ReadAsync(
            connection => connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT cursor FROM callback_feed WHERE name = @Name", new { Name = FeedName }, cancellationToken: cancellationToken)),
            cancellationToken) ?? 0;

    public Task ApplyAsync(IReadOnlyList<SchedulingEvent> events, long nextCursor, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                foreach (var (e, status) in events.Select(e => (e, StatusOf(e))).Where(x => x.Item2 is not null))
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO callback_offers (request_id, offer_id, status, event_id, made_at) VALUES (@RequestId, @OfferId, @Status, @EventId, @MadeAt)
                        ON CONFLICT (request_id) DO UPDATE SET offer_id = COALESCE(excluded.offer_id, callback_offers.offer_id), status = excluded.status, event_id = excluded.event_id,
                            made_at = COALESCE(excluded.made_at, callback_offers.made_at)
                        WHERE excluded.event_id > callback_offers.event_id
                        """,
                        new { e.RequestId, e.OfferId, Status = status, EventId = e.Id, MadeAt = status == "made" ? e.OccurredAt.ToUnixTimeMilliseconds() : (long?)null },
                        transaction,
                        cancellationToken: cancellationToken));
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO callback_feed (name, cursor) VALUES (@Name, @Cursor)
                    ON CONFLICT (name) DO UPDATE SET cursor = CASE WHEN excluded.cursor > callback_feed.cursor THEN excluded.cursor ELSE callback_feed.cursor END
                    """,
                    new { Name = FeedName, Cursor = nextCursor },
                    transaction,
                    cancellationToken: cancellationToken));
                return 0;
            },
            cancellationToken);

    public Task<bool> AnyOfferCallbackOpenAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            connection => connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM callbacks WHERE kind = 'offer' AND state IN ('open', 'claimed', 'calling'))",
                cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>What an event means for a request's callback; null for events that do not concern one (web requests, group visits).</summary>
    private static string? StatusOf(SchedulingEvent e) => e.RequestId is null || e.Channel == Channel.Web ? null : e.Type switch
    {
        SchedulingEventTypes.OfferMade => "made",
        SchedulingEventTypes.OfferExpired or SchedulingEventTypes.OfferDeclined => "gone",
        SchedulingEventTypes.BookingConfirmed => "booked",
        SchedulingEventTypes.RequestClosed or SchedulingEventTypes.BookingCancelled => "closed",
        _ => null,
    };
}
