using System.Data;
using Dapper;
using PhoneBooking.SchedulingApi.Offers;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

internal sealed class OfferStore(IStoreSession db) : IOfferStore
{
    private const string Columns = "id, request_id, window_id, status, offered_ms, hold_started_ms, expires_ms, decided_ms";

    public async Task InsertAsync(IReadOnlyCollection<Offer> offers, CancellationToken cancellationToken)
    {
        foreach (var chunk in offers.Chunk(SqlRows.PerStatement))
        {
            var parameters = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++)
            {
                var offer = chunk[i];
                parameters.Add($"Id{i}", offer.Id, DbType.String);
                parameters.Add($"RequestId{i}", offer.RequestId, DbType.String);
                parameters.Add($"WindowId{i}", offer.WindowId, DbType.Int64);
                parameters.Add($"Status{i}", DbValues.Word(offer.Status), DbType.String);
                parameters.Add($"OfferedMs{i}", DbValues.Ms(offer.OfferedAt), DbType.Int64);
                parameters.Add($"HoldStartedMs{i}", DbValues.Ms(offer.HoldStartedAt), DbType.Int64);
                parameters.Add($"ExpiresMs{i}", DbValues.Ms(offer.ExpiresAt), DbType.Int64);
            }

            await db.ExecuteAsync(
                $"""
                INSERT INTO offers (id, request_id, window_id, status, offered_ms, hold_started_ms, expires_ms)
                VALUES {SqlRows.Values(chunk.Length, "Id", "RequestId", "WindowId", "Status", "OfferedMs", "HoldStartedMs", "ExpiresMs")}
                """,
                parameters,
                cancellationToken);
        }
    }

    public async Task<ILookup<string, long>> ListOfferedWindowsAsync(IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken)
    {
        var pairs = new List<(string RequestId, long WindowId)>();
        foreach (var chunk in requestIds.Chunk(SqlRows.PerStatement))
        {
            var parameters = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add($"Id{i}", chunk[i], DbType.String);
            }

            var rows = await db.QueryAsync<OfferedRow>(
                $"SELECT request_id AS RequestId, window_id AS WindowId FROM offers WHERE request_id IN ({SqlRows.List(chunk.Length, "Id")})",
                parameters,
                cancellationToken);
            pairs.AddRange(rows.Select(r => (r.RequestId, r.WindowId)));
        }

        return pairs.ToLookup(p => p.RequestId, p => p.WindowId, StringComparer.Ordinal);
    }

    public async Task<Offer?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM offers WHERE id = @id", new { id }, cancellationToken))?.ToOffer();

    public async Task<bool> TryDecideAsync(string id, OfferStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            "UPDATE offers SET status = @status, decided_ms = @now WHERE id = @id AND status = 'pending'",
            new { id, status = DbValues.Word(status), now = DbValues.Ms(now) },
            cancellationToken) == 1;

    public async Task<bool> TryStartHoldAsync(string id, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            "UPDATE offers SET hold_started_ms = @now, expires_ms = @expires WHERE id = @id AND status = 'pending' AND hold_started_ms IS NULL",
            new { id, now = DbValues.Ms(now), expires = DbValues.Ms(expiresAt) },
            cancellationToken) == 1;

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        (int)await db.ExecuteScalarAsync<long>("SELECT count(*) FROM offers WHERE status = 'pending'", null, cancellationToken);

    public async Task<IReadOnlyList<Offer>> ListOverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<Row>(
            $"SELECT {Columns} FROM offers WHERE status = 'pending' AND expires_ms <= @now ORDER BY expires_ms LIMIT @limit{db.SkipLocked}",
            new { now = DbValues.Ms(now), limit },
            cancellationToken);
        return [.. rows.Select(r => r.ToOffer())];
    }

    private sealed class OfferedRow
    {
        public string RequestId { get; init; } = "";

        public long WindowId { get; init; }
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";

        public string RequestId { get; init; } = "";

        public long WindowId { get; init; }

        public string Status { get; init; } = "";

        public long OfferedMs { get; init; }

        public long? HoldStartedMs { get; init; }

        public long ExpiresMs { get; init; }

        public long? DecidedMs { get; init; }

        public Offer ToOffer() => new(
            Id,
            RequestId,
            WindowId,
            DbValues.Enum<OfferStatus>(Status),
            DbValues.Instant(OfferedMs),
            DbValues.Instant(HoldStartedMs),
            DbValues.Instant(ExpiresMs),
            DbValues.Instant(DecidedMs));
    }
}
