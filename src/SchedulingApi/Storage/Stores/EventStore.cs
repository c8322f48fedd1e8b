using System.Data;
using System.Globalization;
using System.Text;
using Dapper;
using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Events;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

/// <summary>
/// The event feed. Consumers read it by id and keep a cursor, so an id must never become visible after a
/// higher one: with several instances writing at once, identity values are handed out in one order and
/// committed in another. So events wait in the transaction's buffer and are inserted at its very end, under
/// a lock held until the commit: ids are handed out in commit order (SQLite's single writer gives the same).
/// Each event carries the client that owns its request or group visit (recorded earlier in the same
/// transaction), so a client's feed holds only its own.
/// </summary>
internal sealed class EventStore(IStoreSession db) : IEventStore
{
    private const int RowsPerInsert = 100;

    public Task AppendAsync(SchedulingEvent schedulingEvent, CancellationToken cancellationToken)
    {
        db.CommitBuffer<SchedulingEvent>("events", FlushAsync).Add(schedulingEvent);
        return Task.CompletedTask;
    }

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

    private async Task FlushAsync(IReadOnlyList<SchedulingEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        await db.LockAsync("scheduling-events", cancellationToken);
        foreach (var chunk in events.Chunk(RowsPerInsert))
        {
            var values = new StringBuilder();
            var parameters = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++)
            {
                var e = chunk[i];
                values.Append(i == 0 ? "" : ", ").Append(
                    CultureInfo.InvariantCulture,
                    $"(@Type{i}, @OccurredMs{i}, @RequestId{i}, @OfferId{i}, @Channel{i}, @GroupVisitId{i}, (SELECT client FROM resource_owners WHERE resource_id = coalesce(@RequestId{i}, @GroupVisitId{i})))");
                parameters.Add($"Type{i}", e.Type);
                parameters.Add($"OccurredMs{i}", DbValues.Ms(e.OccurredAt));
                parameters.Add($"RequestId{i}", e.RequestId, DbType.String);
                parameters.Add($"OfferId{i}", e.OfferId, DbType.String);
                parameters.Add($"Channel{i}", DbValues.Word(e.Channel), DbType.String);
                parameters.Add($"GroupVisitId{i}", e.GroupVisitId, DbType.String);
            }

            await db.ExecuteAsync($"INSERT INTO events (type, occurred_ms, request_id, offer_id, channel, group_visit_id, client) VALUES {values}", parameters, cancellationToken);
        }
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
