using System.Text.Json;
using Dapper;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Encryption;

namespace PhoneBooking.IvrHost.Deferred;

/// <summary>
/// Deferred requests in the line's database, next to the call sessions: saved in the same webhook that
/// says "we will call you", so a restart loses none. A submitter claims a batch for a while (a lease), so of
/// several instances each request is sent by one; status moves only from pending, so two submitters can
/// never both mark one. The submission (birth date, number, health card…) is encrypted at rest.
/// </summary>
internal sealed class DeferredRequestStore(IDatabase database, DataCipher cipher, TimeProvider clock) : IDeferredRequestStore
{
    private const string Columns =
        "idempotency_key AS IdempotencyKey, call_sid AS CallSid, submission AS Submission, status AS Status, " +
        "request_id AS RequestId, created_at AS CreatedAt, submitted_at AS DecidedAt";

    public Task SaveAsync(string idempotencyKey, string callSid, BookingRequestSubmission submission, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO deferred_requests (idempotency_key, call_sid, submission, created_at)
                VALUES (@idempotencyKey, @callSid, @submission, @now)
                ON CONFLICT (idempotency_key) DO NOTHING
                """,
                new { idempotencyKey, callSid, submission = cipher.Encrypt(JsonSerializer.Serialize(submission, SchedulingJson.Options), Context(idempotencyKey)), now = Now() },
                cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<DeferredRequest?> GetAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection => (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM deferred_requests WHERE idempotency_key = @idempotencyKey", new { idempotencyKey }, cancellationToken: cancellationToken)))?.ToRequest(cipher),
            cancellationToken);

    public async Task<IReadOnlyList<DeferredRequest>> ClaimPendingAsync(string owner, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await database.WriteAsync(
            connection => connection.QueryAsync<Row>(new CommandDefinition(
                $"""
                UPDATE deferred_requests SET lease_owner = @owner, lease_until = @until
                WHERE idempotency_key IN (
                    SELECT idempotency_key FROM deferred_requests
                    WHERE status = 'pending' AND (lease_until IS NULL OR lease_until <= @now)
                    ORDER BY created_at, idempotency_key
                    LIMIT @limit{database.Sql.SkipLocked})
                RETURNING {Columns}
                """,
                new { owner, until = DbValues.Ms(now + lease), now = DbValues.Ms(now), limit },
                cancellationToken: cancellationToken)),
            cancellationToken);
        return [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.IdempotencyKey, StringComparer.Ordinal).Select(r => r.ToRequest(cipher))];
    }

    public Task ReleaseAsync(string owner, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE deferred_requests SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @owner AND status = 'pending'",
                new { owner },
                cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<DeferredBacklog> BacklogAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                var row = await connection.QuerySingleAsync<(long Pending, long? Oldest)>(new CommandDefinition(
                    "SELECT COUNT(*), MIN(created_at) FROM deferred_requests WHERE status = 'pending'", cancellationToken: cancellationToken));
                return new DeferredBacklog((int)row.Pending, row.Oldest is { } oldest ? DateTimeOffset.FromUnixTimeMilliseconds(oldest) : null);
            },
            cancellationToken);

    public Task<bool> MarkSubmittedAsync(string idempotencyKey, string requestId, CancellationToken cancellationToken) =>
        DecideAsync(idempotencyKey, DeferredStatus.Submitted, requestId, cancellationToken);

    public Task<bool> MarkRejectedAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        DecideAsync(idempotencyKey, DeferredStatus.Rejected, requestId: null, cancellationToken);

    private Task<bool> DecideAsync(string idempotencyKey, DeferredStatus status, string? requestId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE deferred_requests SET status = @status, request_id = @requestId, submitted_at = @now, lease_owner = NULL, lease_until = NULL
                WHERE idempotency_key = @idempotencyKey AND status = 'pending'
                """,
                new { idempotencyKey, status = DbValues.Word(status), requestId, now = Now() },
                cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    private long Now() => DbValues.Ms(clock.GetUtcNow());

    private static string Context(string idempotencyKey) => $"deferred_requests.submission/{idempotencyKey}";

    private sealed record Row(string IdempotencyKey, string CallSid, string Submission, string Status, string? RequestId, long CreatedAt, long? DecidedAt)
    {
        public DeferredRequest ToRequest(DataCipher cipher) => new(
            IdempotencyKey,
            CallSid,
            JsonSerializer.Deserialize<BookingRequestSubmission>(cipher.Decrypt(Submission, Context(IdempotencyKey)), SchedulingJson.Options)
                ?? throw new JsonException($"Deferred request {IdempotencyKey} has an empty submission."),
            DbValues.Enum<DeferredStatus>(Status),
            RequestId,
            DbValues.Instant(CreatedAt),
            DbValues.Instant(DecidedAt));
    }
}
