using Dapper;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Sessions.Sqlite;

namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>
/// Failed sign-ins per account name, in the line's SQLite file so every instance (and a restart)
/// sees the same count. After <see cref="AgentConsoleOptions.MaxFailedSignIns"/> failures in a row
/// the name is locked for <see cref="AgentConsoleOptions.Lockout"/>, doubling with each further
/// failure up to <see cref="AgentConsoleOptions.MaxLockout"/>. Unknown names count the same as known
/// ones, so a lock says nothing about which names exist. A quiet spell as long as the longest lock resets the count.
/// </summary>
public sealed class SignInThrottle(SqliteSessionDatabase database, TimeProvider clock, IOptionsMonitor<AgentConsoleOptions> options)
{
    internal const string Schema =
        """
        CREATE TABLE IF NOT EXISTS agent_sign_in_failures (
            account         TEXT    NOT NULL PRIMARY KEY,
            failures        INTEGER NOT NULL,
            last_failure_at INTEGER NOT NULL,
            locked_until    INTEGER NULL
        );
        """;

    /// <summary>When the name may try again, or null when it may now.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var until = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT locked_until FROM agent_sign_in_failures WHERE account = @account",
            new { account = Key(name) }, cancellationToken: cancellationToken));
        return Future(until);
    }

    /// <summary>Counts a failure; returns the lock it caused, if any.</summary>
    public Task<DateTimeOffset?> FailedAsync(string name, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        return database.WriteAsync(
            async connection =>
            {
                var previous = await connection.QuerySingleOrDefaultAsync<Failures>(new CommandDefinition(
                    "SELECT failures AS Count, last_failure_at AS LastAt FROM agent_sign_in_failures WHERE account = @account",
                    new { account = Key(name) }, cancellationToken: cancellationToken));
                var quiet = previous is null || now - DateTimeOffset.FromUnixTimeMilliseconds(previous.LastAt) > settings.MaxLockout;
                var failures = (quiet ? 0 : previous!.Count) + 1;
                DateTimeOffset? lockedUntil = failures >= settings.MaxFailedSignIns ? now + LockFor(failures - settings.MaxFailedSignIns, settings) : null;
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO agent_sign_in_failures (account, failures, last_failure_at, locked_until) VALUES (@account, @failures, @now, @lockedUntil)
                    ON CONFLICT (account) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until
                    """,
                    new { account = Key(name), failures, now = now.ToUnixTimeMilliseconds(), lockedUntil = lockedUntil?.ToUnixTimeMilliseconds() },
                    cancellationToken: cancellationToken));
                return lockedUntil;
            },
            cancellationToken);
    }

    public Task SucceededAsync(string name, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM agent_sign_in_failures WHERE account = @account", new { account = Key(name) }, cancellationToken: cancellationToken)),
            cancellationToken);

    private static TimeSpan LockFor(long beyond, AgentConsoleOptions settings)
    {
        var lockFor = settings.Lockout * Math.Pow(2, Math.Min(beyond, 20));
        return lockFor < settings.MaxLockout ? lockFor : settings.MaxLockout;
    }

    private DateTimeOffset? Future(long? until) =>
        until is { } ms && DateTimeOffset.FromUnixTimeMilliseconds(ms) is var at && at > clock.GetUtcNow() ? at : null;

    private static string Key(string name) => name.Trim().ToLowerInvariant();

    private sealed record Failures(long Count, long LastAt);
}
