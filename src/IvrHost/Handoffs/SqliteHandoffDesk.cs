using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.IvrHost.Handoffs;

/// <summary>Handoffs in the line's SQLite file (tables: <c>Handoffs/Migrations</c>), keyed by CallSid; a claim is a compare-and-set on the status.</summary>
internal sealed class SqliteHandoffDesk(SqliteDatabase database, TimeProvider clock) : IHandoffDesk
{
    private const string Columns =
        "id AS Id, call_sid AS CallSid, reason AS Reason, reached_from AS ReachedFrom, locale AS Locale, details AS Details, status AS Status, claimed_by AS ClaimedBy, at AS At";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Task RecordAsync(CallSession session, CallState reachedFrom, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO handoffs (call_sid, id, reason, reached_from, locale, details, status, at)
                VALUES (@CallSid, @Id, @Reason, @ReachedFrom, @Locale, @Details, 'waiting', @At)
                ON CONFLICT (call_sid) DO NOTHING
                """,
                new
                {
                    session.CallSid,
                    Id = Guid.CreateVersion7(clock.GetUtcNow()).ToString("N"),
                    Reason = DbValues.Word(session.Handoff ?? HandoffReason.CallerAsked),
                    ReachedFrom = DbValues.Word(reachedFrom),
                    session.Locale,
                    Details = JsonSerializer.Serialize(HandoffDetails.From(session), Json),
                    At = clock.GetUtcNow().ToUnixTimeMilliseconds(),
                },
                cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<Handoff?> GetAsync(string callSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM handoffs WHERE call_sid = @callSid", new { callSid }, cancellationToken: cancellationToken));
        return row?.ToHandoff();
    }

    public async Task<IReadOnlyList<Handoff>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM handoffs WHERE status IN ('waiting', 'claimed', 'callback_requested') ORDER BY at", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToHandoff())];
    }

    public Task<bool> ClaimAsync(string callSid, string agent, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE handoffs SET status = 'claimed', claimed_by = @agent WHERE call_sid = @callSid AND status = 'waiting'",
                new { callSid, agent }, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public Task<bool> ReleaseAsync(string callSid, string agent, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE handoffs SET status = 'waiting', claimed_by = NULL WHERE call_sid = @callSid AND status = 'claimed' AND claimed_by = @agent COLLATE NOCASE",
                new { callSid, agent }, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public Task CompleteAsync(string callSid, string agent, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE handoffs SET status = 'completed', claimed_by = COALESCE(claimed_by, @agent) WHERE call_sid = @callSid",
                new { callSid, agent }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<bool> CallerLeftAsync(string callSid, HandoffStatus status, CancellationToken cancellationToken)
    {
        if (status is not (HandoffStatus.CallbackRequested or HandoffStatus.Abandoned))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A caller leaves the queue for a call back or by hanging up.");
        }

        return database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE handoffs SET status = @status WHERE call_sid = @callSid AND status = 'waiting'",
                new { callSid, status = DbValues.Word(status) }, cancellationToken: cancellationToken)) == 1,
            cancellationToken);
    }

    private sealed record Row(string Id, string CallSid, string Reason, string ReachedFrom, string Locale, string Details, string Status, string? ClaimedBy, long At)
    {
        public Handoff ToHandoff() => new(
            Id, CallSid, DbValues.Enum<HandoffReason>(Reason), DbValues.Enum<CallState>(ReachedFrom), Locale,
            DateTimeOffset.FromUnixTimeMilliseconds(At),
            JsonSerializer.Deserialize<HandoffDetails>(Details, Json)!,
            DbValues.Enum<HandoffStatus>(Status), ClaimedBy);
    }
}
