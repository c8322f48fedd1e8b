using Dapper;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.IvrHost.Sessions.Sqlite;

/// <summary>
/// <see cref="ICallSessionStore"/> on a SQLite file in WAL mode. Times are stored as Unix
/// milliseconds (UTC) from the injected clock, so comparisons are exact and the purge is testable.
/// </summary>
internal sealed class SqliteCallSessionStore(SqliteDatabase database, TimeProvider clock) : ICallSessionStore
{
    private const string Columns =
        "call_sid AS CallSid, payload AS Payload, version AS Version, caller_key AS CallerKey, status AS Status, " +
        "resumable AS Resumable, created_at AS CreatedAt, updated_at AS UpdatedAt";

    private static readonly string Completed = DbValues.Word(CallSessionStatus.Completed);

    public async Task<CallSessionRecord?> GetAsync(string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM call_sessions WHERE call_sid = @callSid", new { callSid }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public Task<bool> TryInsertAsync(CallSessionRecord session, CancellationToken cancellationToken = default)
    {
        var now = Now();
        return database.WriteAsync(async connection => await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO call_sessions (call_sid, version, caller_key, status, resumable, payload, created_at, updated_at)
            VALUES (@CallSid, 1, @CallerKey, @Status, @Resumable, @Payload, @now, @now)
            ON CONFLICT (call_sid) DO NOTHING
            """,
            Parameters(session, now), cancellationToken: cancellationToken)) == 1, cancellationToken);
    }

    public Task<bool> TryUpdateAsync(CallSessionRecord session, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var parameters = Parameters(session, Now());
        parameters.Add("expectedVersion", expectedVersion);
        return database.WriteAsync(async connection => await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE call_sessions
            SET version = @expectedVersion + 1, caller_key = @CallerKey, status = @Status, resumable = @Resumable,
                payload = @Payload, updated_at = @now
            WHERE call_sid = @CallSid AND version = @expectedVersion
            """,
            parameters, cancellationToken: cancellationToken)) == 1, cancellationToken);
    }

    public async Task<CallSessionRecord?> FindResumableAsync(string callerKey, DateTimeOffset notOlderThan, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM call_sessions
            WHERE caller_key = @callerKey AND resumable = 1 AND updated_at >= @notOlderThan
            ORDER BY updated_at DESC, call_sid
            LIMIT 1
            """,
            new { callerKey, notOlderThan = notOlderThan.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public Task<bool> MarkCompletedAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var now = Now();
        return database.WriteAsync(async connection => await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE call_sessions SET status = @Completed, version = version + 1, updated_at = @now
            WHERE call_sid = @callSid AND status <> @Completed
            """,
            new { callSid, now, Completed }, cancellationToken: cancellationToken)) == 1, cancellationToken);
    }

    public Task<int> PurgeAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
        database.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM call_sessions WHERE updated_at < @cutoff",
            new { cutoff = updatedBefore.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)), cancellationToken);

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var tables = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'call_sessions'", cancellationToken: cancellationToken));
        if (tables == 0)
        {
            throw new InvalidOperationException($"The call_sessions table is missing from {database.FilePath}.");
        }
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static DynamicParameters Parameters(CallSessionRecord session, long now)
    {
        var parameters = new DynamicParameters();
        parameters.Add("CallSid", session.CallSid);
        parameters.Add("CallerKey", session.CallerKey);
        parameters.Add("Status", DbValues.Word(session.Status));
        parameters.Add("Resumable", session.Resumable);
        parameters.Add("Payload", session.Payload);
        parameters.Add("now", now);
        return parameters;
    }

    private sealed class Row
    {
        public string CallSid { get; set; } = "";

        public string Payload { get; set; } = "";

        public long Version { get; set; }

        public string? CallerKey { get; set; }

        public string Status { get; set; } = "";

        public long Resumable { get; set; }

        public long CreatedAt { get; set; }

        public long UpdatedAt { get; set; }

        public CallSessionRecord ToRecord() => new(CallSid, Payload)
        {
            Version = Version,
            CallerKey = CallerKey,
            Status = DbValues.Enum<CallSessionStatus>(Status),
            Resumable = Resumable != 0,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt),
        };
    }
}
