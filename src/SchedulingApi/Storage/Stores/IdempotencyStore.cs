using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

internal sealed class IdempotencyStore(IStoreSession db) : IIdempotencyStore
{
    /// <summary>
    /// Holds the key until the transaction ends, on every instance: a second request with it waits, then
    /// finds the first one's response and replays it instead of running the handler again.
    /// </summary>
    public async Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await db.LockAsync($"idempotency:{scope}\n{key}", cancellationToken);
        var row = await db.QuerySingleOrDefaultAsync<Row>(
            "SELECT scope, key, fingerprint, status_code, content_type, location, body, created_ms FROM idempotency_keys WHERE scope = @scope AND key = @key",
            new { scope, key },
            cancellationToken);
        return row is null
            ? null
            : new IdempotencyRecord(row.Scope, row.Key, row.Fingerprint, row.StatusCode, row.ContentType, row.Location, row.Body, DbValues.Instant(row.CreatedMs));
    }

    public Task SaveAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            INSERT INTO idempotency_keys (scope, key, fingerprint, status_code, content_type, location, body, created_ms)
            VALUES (@Scope, @Key, @Fingerprint, @StatusCode, @ContentType, @Location, @Body, @CreatedMs)
            """,
            new
            {
                record.Scope,
                record.Key,
                record.Fingerprint,
                record.StatusCode,
                record.ContentType,
                record.Location,
                record.Body,
                CreatedMs = DbValues.Ms(record.CreatedAt),
            },
            cancellationToken);

    public Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM idempotency_keys WHERE created_ms < @before", new { before = DbValues.Ms(createdBefore) }, cancellationToken);

    private sealed class Row
    {
        public string Scope { get; init; } = "";

        public string Key { get; init; } = "";

        public string Fingerprint { get; init; } = "";

        public int StatusCode { get; init; }

        public string? ContentType { get; init; }

        public string? Location { get; init; }

        public byte[] Body { get; init; } = [];

        public long CreatedMs { get; init; }
    }
}
