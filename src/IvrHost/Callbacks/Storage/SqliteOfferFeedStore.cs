using Dapper;
using PhoneBooking.Storage.Sqlite;
using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.Callbacks.Storage;

/// <summary>
/// The feed's news per request (<c>callback_offers</c>) and its cursor (<c>callback_feed</c>). Stored for
/// every phone request, not only those with a callback yet: a deferred request's offer can be made
/// before its callback row is written, and the callback still finds it.
/// </summary>
internal sealed class SqliteOfferFeedStore(SqliteDatabase database) : IOfferFeedStore
{
    private const string FeedName = "scheduling-events";

    public async Task<long> CursorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT cursor FROM callback_feed WHERE name = @Name", new { Name = FeedName }, cancellationToken: cancellationToken)) ?? 0;
    }

    public Task ApplyAsync(IReadOnlyList<SchedulingEvent> events, long nextCursor, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                foreach (var (e, status) in events.Select(e => (e, StatusOf(e))).Where(x => x.Item2 is not null))
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO callback_offers (request_id, offer_id, status, event_id) VALUES (@RequestId, @OfferId, @Status, @EventId)
                        ON CONFLICT (request_id) DO UPDATE SET offer_id = COALESCE(excluded.offer_id, offer_id), status = excluded.status, event_id = excluded.event_id
                        WHERE excluded.event_id > callback_offers.event_id
                        """,
                        new { e.RequestId, e.OfferId, Status = status, EventId = e.Id },
                        transaction,
                        cancellationToken: cancellationToken));
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO callback_feed (name, cursor) VALUES (@Name, @Cursor)
                    ON CONFLICT (name) DO UPDATE SET cursor = MAX(cursor, excluded.cursor)
                    """,
                    new { Name = FeedName, Cursor = nextCursor },
                    transaction,
                    cancellationToken: cancellationToken));
                return 0;
            },
            cancellationToken);

    public async Task<bool> AnyOfferCallbackOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM callbacks WHERE kind = 'offer' AND state IN ('open', 'claimed', 'calling'))",
            cancellationToken: cancellationToken));
    }

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
