using Dapper;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Encryption;

namespace PhoneBooking.IvrHost.Sessions;

/// <summary>
/// <see cref="ICallSessionStore"/> in the line's database, on either provider. Every write is one
/// conditional statement (the version it read, or the key not yet taken), so two instances can never
/// both win. Times are Unix milliseconds (UTC) from the injected clock. The payload — everything the
/// caller said — is encrypted at rest (<see cref="DataCipher"/>, bound to its call); the store finds a
/// returning caller by <c>caller_key</c>, a keyed hash of the number, never the number.
/// </summary>
internal sealed class CallSessionStore(IDatabase database, DataCipher cipher, TimeProvider clock) : ICallSessionStore
{
    private const string Columns = "call_sid, payload, version, caller_key, status, resumable, created_at, updated_at";

    private static readonly string Completed = DbValues.Word(CallSessionStatus.Completed);

    public Task<CallSessionRecord?> GetAsync(string callSid, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection => (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM call_sessions WHERE call_sid = @callSid", new { callSid }, cancellationToken: cancellationToken)))?.ToRecord(cipher),
            cancellationToken);

    public Task<bool> TryInsertAsync(CallSessionRecord session, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO call_sessions (call_sid, version, caller_key, status, resumable, payload, created_at, updated_at)
                VALUES (@CallSid, 1, @CallerKey, @Status, @Resumable, @Payload, @now, @now)
                ON CONFLICT (call_sid) DO NOTHING
                """,
                Parameters(session, Now()), cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public Task<bool> TryUpdateAsync(CallSessionRecord session, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var parameters = Parameters(session, Now());
        parameters.Add("expectedVersion", expectedVersion);
        return database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE call_sessions
                SET version = @expectedVersion + 1, caller_key = @CallerKey, status = @Status, resumable = @Resumable,
                    payload = @Payload, updated_at = @now
                WHERE call_sid = @CallSid AND version = @expectedVersion
                """,
                parameters, cancellationToken: cancellationToken)) == 1,
            cancellationToken);
    }

    public Task<CallSessionRecord?> FindResumableAsync(string callerKey, DateTimeOffset notOlderThan, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection => (await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
                $"""
                SELECT {Columns} FROM call_sessions
                WHERE caller_key = @callerKey AND resumable = {database.Sql.True} AND updated_at >= @notOlderThan
                ORDER BY updated_at DESC, call_sid
                LIMIT 1
                """,
                new { callerKey, notOlderThan = DbValues.Ms(notOlderThan) }, cancellationToken: cancellationToken)))?.ToRecord(cipher),
            cancellationToken);

    public Task<bool> MarkCompletedAsync(string callSid, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE call_sessions SET status = @Completed, version = version + 1, updated_at = @now
                WHERE call_sid = @callSid AND status <> @Completed
                """,
                new { callSid, now = Now(), Completed }, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public Task<int> PurgeAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM call_sessions WHERE updated_at < @cutoff", new { cutoff = DbValues.Ms(updatedBefore) }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<int> CountActiveAsync(DateTimeOffset updatedSince, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection => (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM call_sessions WHERE updated_at >= @since AND status = 'active'",
                new { since = DbValues.Ms(updatedSince) }, cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>The table answers a query (a missing table, a file that cannot be read, a server that went away all throw).</summary>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            connection => connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM call_sessions WHERE 1 = 0", cancellationToken: cancellationToken)),
            cancellationToken);

    private long Now() => DbValues.Ms(clock.GetUtcNow());

    private static string Context(string callSid) => $"call_sessions.payload/{callSid}";

    private DynamicParameters Parameters(CallSessionRecord session, long now)
    {
        var parameters = new DynamicParameters();
        parameters.Add("CallSid", session.CallSid);
        parameters.Add("CallerKey", session.CallerKey);
        parameters.Add("Status", DbValues.Word(session.Status));
        parameters.Add("Resumable", session.Resumable);
        parameters.Add("Payload", cipher.Encrypt(session.Payload, Context(session.CallSid)));
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

        public bool Resumable { get; set; }

        public long CreatedAt { get; set; }

        public long UpdatedAt { get; set; }

        public CallSessionRecord ToRecord(DataCipher cipher) => new(CallSid, cipher.Decrypt(Payload, Context(CallSid)))
        {
            Version = Version,
            CallerKey = CallerKey,
            Status = DbValues.Enum<CallSessionStatus>(Status),
            Resumable = Resumable,
            CreatedAt = DbValues.Instant(CreatedAt),
            UpdatedAt = DbValues.Instant(UpdatedAt),
        };
    }
}
