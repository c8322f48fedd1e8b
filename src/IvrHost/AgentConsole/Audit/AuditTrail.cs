using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.AgentConsole.Audit;

/// <summary>
/// Every console action, in the line's database: who, what, which call, when (from the injected
/// clock), how it ended, and from which address (as a trusted proxy reports it). Also every view of
/// callers' details (once per agent, page and call in <see cref="AgentConsoleOptions.ViewAuditInterval"/>)
/// and every refused action. Ids and words only: no birth date, number or health card ever lands here.
/// </summary>
public sealed partial class AuditTrail(
    IDatabase database,
    TimeProvider clock,
    AgentConsoleMetrics metrics,
    IHttpContextAccessor http,
    IOptionsMonitor<AgentConsoleOptions> options,
    ILogger<AuditTrail> logger)
{
    public const string UnknownAgent = "(unknown)";

    /// <summary>The "agent" of what the line does by itself (a claim that expired).</summary>
    public const string LineItself = "(line)";

    private const int MaxViewsRemembered = 10_000;

    private readonly ConcurrentDictionary<(string Agent, string Page, string? CallSid), DateTimeOffset> _viewed = new();

    public async Task RecordAsync(string agent, string action, string? callSid, string outcome, string? reference = null, CancellationToken cancellationToken = default)
    {
        // The line's own work (an expired claim) may run inside someone's request: it has no source.
        var source = agent != LineItself && http.HttpContext is { } context ? SourceAddress.Of(context) : null;
        await database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO agent_audit (at, agent, action, call_sid, outcome, reference, source) VALUES (@at, @agent, @action, @callSid, @outcome, @reference, @source)",
                new { at = clock.GetUtcNow().ToUnixTimeMilliseconds(), agent, action, callSid, outcome, reference, source },
                cancellationToken: cancellationToken)),
            cancellationToken);
        metrics.Action(action, outcome);
        LogAction(logger, agent, action, callSid, outcome, reference, source);
    }

    /// <summary>
    /// An agent saw callers' details (the board, one call). Recorded once per agent, page and call in
    /// <see cref="AgentConsoleOptions.ViewAuditInterval"/>: the live updates refetch the same page often.
    /// </summary>
    public Task ViewedAsync(string agent, string page, string? callSid, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = (agent.ToLowerInvariant(), page, callSid);
        if (_viewed.TryGetValue(key, out var last) && now - last < options.CurrentValue.ViewAuditInterval)
        {
            return Task.CompletedTask;
        }

        if (_viewed.Count >= MaxViewsRemembered)
        {
            _viewed.Clear(); // at worst a view is audited twice
        }

        _viewed[key] = now;
        return RecordAsync(agent, AuditActions.View, callSid, AuditOutcomes.Ok, page, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(
            connection => connection.QueryAsync<Row>(new CommandDefinition(
                "SELECT id AS Id, at AS At, agent AS Agent, action AS Action, call_sid AS CallSid, outcome AS Outcome, reference AS Reference, source AS Source FROM agent_audit ORDER BY id DESC LIMIT @count",
                new { count }, cancellationToken: cancellationToken)),
            cancellationToken);
        return [.. rows.Select(r => new AuditEntry(r.Id, DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.Agent, r.Action, r.CallSid, r.Outcome, r.Reference, r.Source))];
    }

    [LoggerMessage(EventId = 2801, EventName = "AgentAction", Level = LogLevel.Information,
        Message = "Agent {Agent} {AgentAction} call {CallSid}: {Outcome} {Reference} from {Source}")]
    private static partial void LogAction(ILogger logger, string agent, string agentAction, string? callSid, string outcome, string? reference, string? source);

    private sealed record Row(long Id, long At, string Agent, string Action, string? CallSid, string Outcome, string? Reference, string? Source);
}
