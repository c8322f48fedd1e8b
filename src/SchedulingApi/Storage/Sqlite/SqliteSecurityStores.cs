using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

internal sealed class SqliteResourceOwnerStore(SqliteUnitOfWork db) : IResourceOwnerStore
{
    public Task RecordAsync(string resourceId, string client, CancellationToken cancellationToken) =>
        db.ExecuteAsync("INSERT INTO resource_owners (resource_id, client) VALUES (@resourceId, @client)", new { resourceId, client }, cancellationToken);

    public Task<string?> OwnerAsync(string resourceId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<string?>("SELECT client FROM resource_owners WHERE resource_id = @resourceId", new { resourceId }, cancellationToken);
}

internal sealed class SqlitePersonKeyStore(SqliteUnitOfWork db) : IPersonKeyStore
{
    public Task RecordAsync(string requestId, string personKey, CancellationToken cancellationToken) =>
        db.ExecuteAsync("INSERT INTO request_people (request_id, person_key) VALUES (@requestId, @personKey)", new { requestId, personKey }, cancellationToken);

    public async Task<bool> HasOpenRequestAsync(string personKey, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>(
            """
            SELECT EXISTS (
                SELECT 1 FROM request_people p JOIN booking_requests r ON r.id = p.request_id
                WHERE p.person_key = @personKey AND r.status IN ('Queued', 'AwaitingEligibility', 'Offered', 'Booked'))
            """,
            new { personKey },
            cancellationToken) == 1;
}

internal sealed class SqliteGuessCounterStore(SqliteUnitOfWork db) : IGuessCounterStore
{
    public async Task<GuessCounter?> GetAsync(string scope, string key, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<Row>(
            "SELECT failures, window_start_ms, blocked_until_ms FROM guess_counters WHERE scope = @scope AND key = @key",
            new { scope, key },
            cancellationToken) is { } row
            ? new GuessCounter(row.Failures, DbValues.Instant(row.WindowStartMs), DbValues.Instant(row.BlockedUntilMs))
            : null;

    public Task SaveAsync(string scope, string key, GuessCounter counter, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            INSERT INTO guess_counters (scope, key, failures, window_start_ms, blocked_until_ms) VALUES (@scope, @key, @Failures, @WindowStartMs, @BlockedUntilMs)
            ON CONFLICT (scope, key) DO UPDATE SET failures = excluded.failures, window_start_ms = excluded.window_start_ms, blocked_until_ms = excluded.blocked_until_ms
            """,
            new { scope, key, counter.Failures, WindowStartMs = DbValues.Ms(counter.WindowStart), BlockedUntilMs = DbValues.Ms(counter.BlockedUntil) },
            cancellationToken);

    public Task DeleteAsync(string scope, string key, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM guess_counters WHERE scope = @scope AND key = @key", new { scope, key }, cancellationToken);

    private sealed class Row
    {
        public long Failures { get; init; }

        public long WindowStartMs { get; init; }

        public long? BlockedUntilMs { get; init; }
    }
}
