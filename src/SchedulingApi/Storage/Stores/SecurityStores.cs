using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

internal sealed class ResourceOwnerStore(IStoreSession db) : IResourceOwnerStore
{
    public Task RecordAsync(string resourceId, string client, CancellationToken cancellationToken) =>
        db.ExecuteAsync("INSERT INTO resource_owners (resource_id, client) VALUES (@resourceId, @client)", new { resourceId, client }, cancellationToken);

    public Task<string?> OwnerAsync(string resourceId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<string?>("SELECT client FROM resource_owners WHERE resource_id = @resourceId", new { resourceId }, cancellationToken);
}

internal sealed class PersonKeyStore(IStoreSession db) : IPersonKeyStore
{
    public Task RecordAsync(string requestId, string personKey, CancellationToken cancellationToken) =>
        db.ExecuteAsync("INSERT INTO request_people (request_id, person_key) VALUES (@requestId, @personKey)", new { requestId, personKey }, cancellationToken);

    /// <summary>Holds the person until the transaction ends: two submissions for one person on two instances cannot both pass.</summary>
    public async Task<bool> HasOpenRequestAsync(string personKey, CancellationToken cancellationToken)
    {
        await db.LockAsync($"person:{personKey}", cancellationToken);
        return await db.ExecuteScalarAsync<bool>(
            """
            SELECT EXISTS (
                SELECT 1 FROM request_people p JOIN booking_requests r ON r.id = p.request_id
                WHERE p.person_key = @personKey AND r.status IN ('queued', 'awaiting_eligibility', 'offered', 'booked'))
            """,
            new { personKey },
            cancellationToken);
    }
}

internal sealed class GuessCounterStore(IStoreSession db) : IGuessCounterStore
{
    /// <summary>Holds the counter until the transaction ends: two wrong guesses at once on two instances count as two.</summary>
    public async Task<GuessCounter?> GetAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await db.LockAsync($"guess:{scope}\n{key}", cancellationToken);
        return await db.QuerySingleOrDefaultAsync<Row>(
            "SELECT failures, window_start_ms, blocked_until_ms FROM guess_counters WHERE scope = @scope AND key = @key",
            new { scope, key },
            cancellationToken) is { } row
            ? new GuessCounter(row.Failures, DbValues.Instant(row.WindowStartMs), DbValues.Instant(row.BlockedUntilMs))
            : null;
    }

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
