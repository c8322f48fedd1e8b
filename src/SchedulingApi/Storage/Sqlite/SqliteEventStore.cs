using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Events;

namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

internal sealed class SqliteEventStore(SqliteUnitOfWork db) : IEventStore
{
    public Task AppendAsync(SchedulingEvent schedulingEvent, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            INSERT INTO events (type, occurred_ms, request_id, offer_id, channel, group_visit_id, client)
            VALUES (@Type, @OccurredMs, @RequestId, @OfferId, @Channel, @GroupVisitId,
                (SELECT client FROM resource_owners WHERE resource_id = coalesce(@RequestId, @GroupVisitId)))
            """,
            new
            {
                schedulingEvent.Type,
                OccurredMs = DbValues.Ms(schedulingEvent.OccurredAt),
                schedulingEvent.RequestId,
                schedulingEvent.OfferId,
                Channel = schedulingEvent.Channel?.ToString(),
                schedulingEvent.GroupVisitId,
            },
            cancellationToken);

    public async Task<IReadOnlyList<SchedulingEvent>> ReadAsync(long afterId, int limit, string client, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<Row>(
            """
            SELECT id, type, occurred_ms, request_id, offer_id, channel, group_visit_id FROM events
            WHERE id > @afterId AND (client = @client OR client IS NULL) ORDER BY id LIMIT @limit
            """,
            new { afterId, limit, client },
            cancellationToken);
        return [.. rows.Select(r => r.ToEvent())];
    }

    private sealed class Row
    {
        public long Id { get; init; }

        public string Type { get; init; } = "";

        public long OccurredMs { get; init; }

        public string? RequestId { get; init; }

        public string? OfferId { get; init; }

        public string? Channel { get; init; }

        public string? GroupVisitId { get; init; }

        public SchedulingEvent ToEvent() => new(
            Id,
            Type,
            DbValues.Instant(OccurredMs),
            RequestId,
            OfferId,
            Channel is null ? null : DbValues.Enum<Channel>(Channel),
            GroupVisitId);
    }
}
