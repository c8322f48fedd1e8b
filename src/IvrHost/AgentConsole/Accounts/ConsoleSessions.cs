using System.Security.Cryptography;
using Dapper;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>
/// Sign-ins as the server knows them. The cookie carries a session id; every request checks it is
/// still open, so signing out (or a supervisor signing an agent out everywhere) ends it on every
/// instance at once — a copied cookie is worth nothing afterwards. Ids are 128 random bits.
/// </summary>
public sealed class ConsoleSessions(IDatabase database, TimeProvider clock)
{
    public async Task<string> StartAsync(string account, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO agent_sessions (id, account, started_at) VALUES (@id, @account, @now)",
                new { id, account = account.ToLowerInvariant(), now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)),
            cancellationToken);
        return id;
    }

    /// <summary>True when the session exists, belongs to <paramref name="account"/> and has not ended.</summary>
    public async Task<bool> IsOpenAsync(string? id, string account, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        return await database.ReadAsync(
            connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM agent_sessions WHERE id = @id AND account = @account AND ended_at IS NULL",
                new { id, account = account.ToLowerInvariant() }, cancellationToken: cancellationToken)),
            cancellationToken) == 1;
    }

    public Task EndAsync(string? id, CancellationToken cancellationToken) =>
        id is null
            ? Task.CompletedTask
            : database.WriteAsync(
                connection => connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE agent_sessions SET ended_at = @now WHERE id = @id AND ended_at IS NULL",
                    new { id, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)),
                cancellationToken);

    /// <summary>Ends every open session of an account; returns how many.</summary>
    public Task<int> EndAllAsync(string account, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE agent_sessions SET ended_at = @now WHERE account = @account AND ended_at IS NULL",
                new { account = account.ToLowerInvariant(), now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)),
            cancellationToken);
}
