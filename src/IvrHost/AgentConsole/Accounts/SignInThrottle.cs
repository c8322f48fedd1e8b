using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>
/// Failed sign-ins per account. After <see cref="AgentConsoleOptions.MaxFailedSignIns"/> failures in
/// a row the name is locked for <see cref="AgentConsoleOptions.Lockout"/>, doubling with each further
/// failure up to <see cref="AgentConsoleOptions.MaxLockout"/>; a quiet spell as long as the longest
/// lock starts the count afresh. Accounts are counted in the line's SQLite file, so every instance
/// and a restart see the same count. Names no account has get the same treatment (a lock says
/// nothing about which names exist) but only in this process's memory, under a hash: what someone
/// typed into the name field — a password, by mistake — is never written anywhere.
/// </summary>
public sealed class SignInThrottle(SqliteDatabase database, TimeProvider clock, IOptionsMonitor<AgentConsoleOptions> options)
{
    /// <summary>Unknown names tracked at most; beyond it the oldest are forgotten (they cannot sign in anyway).</summary>
    private const int MaxUnknownNames = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _unknown = new(StringComparer.Ordinal);

    /// <summary>When the name may try again, or null when it may now.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(AgentAccount? account, string typedName, CancellationToken cancellationToken)
    {
        Failures? failures;
        if (account is null)
        {
            failures = _unknown.GetValueOrDefault(Hash(typedName));
        }
        else
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            failures = await connection.QuerySingleOrDefaultAsync<Failures>(new CommandDefinition(
                "SELECT failures AS Count, last_failure_at AS LastAt, locked_until AS LockedUntil FROM agent_sign_in_failures WHERE account = @account",
                new { account = Key(account) }, cancellationToken: cancellationToken));
        }

        return failures?.LockedUntil is { } until && DateTimeOffset.FromUnixTimeMilliseconds(until) is var at && at > clock.GetUtcNow() ? at : null;
    }

    /// <summary>Counts a failure; returns the lock it caused, if any.</summary>
    public async Task<DateTimeOffset?> FailedAsync(AgentAccount? account, string typedName, CancellationToken cancellationToken)
    {
        if (account is null)
        {
            ForgetOldUnknownNames();
            var counted = _unknown.AddOrUpdate(Hash(typedName), _ => Next(null), (_, previous) => Next(previous));
            return Until(counted);
        }

        return await database.WriteAsync(
            async connection =>
            {
                var previous = await connection.QuerySingleOrDefaultAsync<Failures>(new CommandDefinition(
                    "SELECT failures AS Count, last_failure_at AS LastAt, locked_until AS LockedUntil FROM agent_sign_in_failures WHERE account = @account",
                    new { account = Key(account) }, cancellationToken: cancellationToken));
                var counted = Next(previous);
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO agent_sign_in_failures (account, failures, last_failure_at, locked_until) VALUES (@account, @Count, @LastAt, @LockedUntil)
                    ON CONFLICT (account) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until
                    """,
                    new { account = Key(account), counted.Count, counted.LastAt, counted.LockedUntil },
                    cancellationToken: cancellationToken));
                return Until(counted);
            },
            cancellationToken);
    }

    public Task SucceededAsync(AgentAccount account, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM agent_sign_in_failures WHERE account = @account", new { account = Key(account) }, cancellationToken: cancellationToken)),
            cancellationToken);

    private Failures Next(Failures? previous)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var quiet = previous is null || now - DateTimeOffset.FromUnixTimeMilliseconds(previous.LastAt) > settings.MaxLockout;
        var count = (quiet ? 0 : previous!.Count) + 1;
        long? lockedUntil = null;
        if (count >= settings.MaxFailedSignIns)
        {
            var lockFor = settings.Lockout * Math.Pow(2, Math.Min(count - settings.MaxFailedSignIns, 20));
            lockedUntil = (now + (lockFor < settings.MaxLockout ? lockFor : settings.MaxLockout)).ToUnixTimeMilliseconds();
        }

        return new Failures(count, now.ToUnixTimeMilliseconds(), lockedUntil);
    }

    private void ForgetOldUnknownNames()
    {
        if (_unknown.Count < MaxUnknownNames)
        {
            return;
        }

        var cutoff = (clock.GetUtcNow() - options.CurrentValue.MaxLockout).ToUnixTimeMilliseconds();
        foreach (var (key, failures) in _unknown)
        {
            if (failures.LastAt < cutoff || _unknown.Count >= MaxUnknownNames)
            {
                _unknown.TryRemove(key, out _);
            }
        }
    }

    private static DateTimeOffset? Until(Failures failures) =>
        failures.LockedUntil is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null;

    private static string Key(AgentAccount account) => account.Name.ToLowerInvariant();

    private static string Hash(string typedName) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(typedName.Trim().ToLowerInvariant())));

    private sealed record Failures(long Count, long LastAt, long? LockedUntil);
}
