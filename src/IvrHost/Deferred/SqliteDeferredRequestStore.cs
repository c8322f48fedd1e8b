using System.Text.Json;
using Dapper;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Sqlite;
using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.Deferred;

/// <summary>
/// Deferred requests in the line's SQLite file, next to the call sessions: saved in the same webhook
/// that says "we will call you", so a restart loses none. Status moves only from pending, so two
/// submitters (two instances) cannot both mark one.
/// </summary>
internal sealed class SqliteDeferredRequestStore(SqliteDatabase database, TimeProvider clock) : IDeferredRequestStore
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
                new { idempotencyKey, callSid, submission = JsonSerializer.Serialize(submission, SchedulingJson.Options), now = Now() },
                cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<DeferredRequest?> GetAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM deferred_requests WHERE idempotency_key = @idempotencyKey", new { idempotencyKey }, cancellationToken: cancellationToken));
        return row?.ToRequest();
    }

    public async Task<IReadOnlyList<DeferredRequest>> PendingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM deferred_requests WHERE status = 'pending' ORDER BY created_at, idempotency_key LIMIT @limit",
            new { limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRequest())];
    }

    public Task<bool> MarkSubmittedAsync(string idempotencyKey, string requestId, CancellationToken cancellationToken) =>
        DecideAsync(idempotencyKey, DeferredStatus.Submitted, requestId, cancellationToken);

    public Task<bool> MarkRejectedAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        DecideAsync(idempotencyKey, DeferredStatus.Rejected, requestId: null, cancellationToken);

    private Task<bool> DecideAsync(string idempotencyKey, DeferredStatus status, string? requestId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE deferred_requests SET status = @status, request_id = @requestId, submitted_at = @now
                WHERE idempotency_key = @idempotencyKey AND status = 'pending'
                """,
                new { idempotencyKey, status = DbValues.Word(status), requestId, now = Now() },
                cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed record Row(string IdempotencyKey, string CallSid, string Submission, string Status, string? RequestId, long CreatedAt, long? DecidedAt)
    {
        public DeferredRequest ToRequest() => new(
            IdempotencyKey,
            CallSid,
            JsonSerializer.Deserialize<BookingRequestSubmission>(Submission, SchedulingJson.Options)
                ?? throw new JsonException($"Deferred request {IdempotencyKey} has an empty submission."),
            DbValues.Enum<DeferredStatus>(Status),
            RequestId,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            DecidedAt is { } decided ? DateTimeOffset.FromUnixTimeMilliseconds(decided) : null);
    }
}
