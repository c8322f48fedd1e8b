using Dapper;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.AgentConsole.Calls;

/// <summary>A claim nobody acted on for too long: whose it was.</summary>
public sealed record StaleClaim(string CallSid, string Agent);

/// <summary>
/// When each claimed caller was last worked on (claimed, opened, put through, booked for), so a claim
/// an agent walked away from goes back to the queue instead of holding the caller for ever.
/// </summary>
public sealed class ClaimActivity(IDatabase database, TimeProvider clock)
{
    public Task TouchAsync(string callSid, string agent, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO agent_claims (call_sid, agent, touched_at) VALUES (@callSid, @agent, @now)
                ON CONFLICT (call_sid) DO UPDATE SET agent = excluded.agent, touched_at = excluded.touched_at
                """,
                new { callSid, agent, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>Claimed callers with no activity since <paramref name="before"/> (a claim older than this record counts as never touched).</summary>
    public async Task<IReadOnlyList<StaleClaim>> StaleAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        [.. await database.ReadAsync(
            connection => connection.QueryAsync<StaleClaim>(new CommandDefinition(
                """
                SELECT h.call_sid AS CallSid, h.claimed_by AS Agent FROM handoffs h LEFT JOIN agent_claims c ON c.call_sid = h.call_sid
                WHERE h.status = 'claimed' AND coalesce(c.touched_at, 0) < @before
                """,
                new { before = before.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)),
            cancellationToken)];

    public Task ForgetAsync(string callSid, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition("DELETE FROM agent_claims WHERE call_sid = @callSid", new { callSid }, cancellationToken: cancellationToken)),
            cancellationToken);
}
