using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Events;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

internal sealed class SqliteEventStore(SqliteUnitOfWork db) : IEventStore
{
    public Task AppendAsync(SchedulingEvent schedulingEvent, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            INSERT INTO events (type, occurred_ms, request_id, offer_id, channel, group_visit_id)
            VALUES (@Type, @OccurredMs, @RequestId, @OfferId, @Channel, @GroupVisitId)
            """,
            new
            {
                schedulingEvent.Type,
                OccurredMs = DbValues.Ms(schedulingEvent.OccurredAt),
                schedulingEvent.RequestId,
                schedulingEvent.OfferId,
                Channel = DbValues.Word(schedulingEvent.Channel),
                schedulingEvent.GroupVisitId,
            },
            cancellationToken);

    public async Task<IReadOnlyList<SchedulingEvent>> ReadAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<Row>(
            "SELECT id, type, occurred_ms, request_id, offer_id, channel, group_visit_id FROM events WHERE id > @afterId ORDER BY id LIMIT @limit",
            new { afterId, limit },
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
