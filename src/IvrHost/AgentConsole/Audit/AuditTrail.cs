using Dapper;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.IvrHost.AgentConsole.Audit;

/// <summary>
/// Every console action, in the line's SQLite file: who, what, which call, when (from the injected
/// clock), how it ended. Ids and words only: no birth date, number or health card ever lands here.
/// </summary>
public sealed partial class AuditTrail(SqliteDatabase database, TimeProvider clock, AgentConsoleMetrics metrics, ILogger<AuditTrail> logger)
{
    public const string UnknownAgent = "(unknown)";

    public async Task RecordAsync(string agent, string action, string? callSid, string outcome, string? reference = null, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO agent_audit (at, agent, action, call_sid, outcome, reference) VALUES (@at, @agent, @action, @callSid, @outcome, @reference)",
                new { at = clock.GetUtcNow().ToUnixTimeMilliseconds(), agent, action, callSid, outcome, reference },
                cancellationToken: cancellationToken)),
            cancellationToken);
        metrics.Action(action, outcome);
        LogAction(logger, agent, action, callSid, outcome, reference);
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT id AS Id, at AS At, agent AS Agent, action AS Action, call_sid AS CallSid, outcome AS Outcome, reference AS Reference FROM agent_audit ORDER BY id DESC LIMIT @count",
            new { count }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(r.Id, DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.Agent, r.Action, r.CallSid, r.Outcome, r.Reference))];
    }

    [LoggerMessage(EventId = 2801, EventName = "AgentAction", Level = LogLevel.Information,
        Message = "Agent {Agent} {AgentAction} call {CallSid}: {Outcome} {Reference}")]
    private static partial void LogAction(ILogger logger, string agent, string agentAction, string? callSid, string outcome, string? reference);

    private sealed record Row(long Id, long At, string Agent, string Action, string? CallSid, string Outcome, string? Reference);
}
