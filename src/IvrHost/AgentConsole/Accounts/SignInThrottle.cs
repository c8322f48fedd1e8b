using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using System.Data.Common;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>An account whose sign-ins must wait, for the supervisor's page.</summary>
public sealed record WaitingAccount(string Account, DateTimeOffset Until);

/// <summary>
/// Slows password guessing without locking agents out. Failures are counted per source address and
/// per account. An address that fails <see cref="AgentConsoleOptions.MaxFailedSignIns"/> times must
/// wait <see cref="AgentConsoleOptions.Lockout"/>, doubling to <see cref="AgentConsoleOptions.MaxLockout"/>:
/// the guesser is held off, an agent elsewhere is not. An account that many failures from anywhere
/// waits only <see cref="AgentConsoleOptions.AccountMaxDelay"/> per attempt: guessing spread over
/// many addresses is slowed to that pace, while the agent waits a minute at most — and a supervisor
/// can clear it at once. A quiet spell as long as the longest wait starts a count afresh. Counts live
/// in the line's database (every instance, every restart; each count is read and written holding it). Names no account has are counted only in
/// this process's memory, under a hash: what someone typed into the name field is never written down.
/// </summary>
public sealed class SignInThrottle(IDatabase database, TimeProvider clock, IOptionsMonitor<AgentConsoleOptions> options)
{
    /// <summary>For an address, the account it last tried (so unlocking an agent frees the agent's own desk too).</summary>
    private const string LastAccountColumn = "last_account";

    private const string SourcePrefix = "source:";
    private const string AccountPrefix = "account:";

    /// <summary>Unknown names tracked at most; beyond it the oldest are forgotten (they cannot sign in anyway).</summary>
    private const int MaxUnknownNames = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _unknown = new(StringComparer.Ordinal);

    /// <summary>When this attempt may be checked, or null when it may now: the later of the address's and the account's waits.</summary>
    public async Task<DateTimeOffset?> WaitUntilAsync(AgentAccount? account, string typedName, string source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var latest = await database.ReadAsync(
            async connection => new[]
            {
                Until(await ReadAsync(connection, null, SourcePrefix + source, cancellationToken)),
                account is null ? Until(_unknown.GetValueOrDefault(Hash(typedName))) : Until(await ReadAsync(connection, null, AccountKey(account.Name), cancellationToken)),
            }.Max(),
            cancellationToken);
        return latest > now ? latest : null;
    }

    /// <summary>Counts a failure for the address and the account; returns the wait it caused, if any.</summary>
    public async Task<DateTimeOffset?> FailedAsync(AgentAccount? account, string typedName, string source, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        DateTimeOffset? accountWait;
        if (account is null)
        {
            ForgetOldUnknownNames();
            accountWait = Until(_unknown.AddOrUpdate(Hash(typedName), _ => Next(null, AccountWait), (_, previous) => Next(previous, AccountWait)));
        }
        else
        {
            accountWait = await CountAsync(AccountKey(account.Name), null, AccountWait, cancellationToken);
        }

        var sourceWait = await CountAsync(SourcePrefix + source, account?.Name, SourceWait, cancellationToken);
        return new[] { accountWait, sourceWait }.Max();

        TimeSpan AccountWait(long failures) => settings.AccountMaxDelay;

        TimeSpan SourceWait(long failures)
        {
            var wait = settings.Lockout * Math.Pow(2, Math.Min(failures - settings.MaxFailedSignIns, 20));
            return wait < settings.MaxLockout ? wait : settings.MaxLockout;
        }
    }

    public Task SucceededAsync(AgentAccount account, string source, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM agent_sign_in_failures WHERE account IN (@account, @source)",
                new { account = AccountKey(account.Name), source = SourcePrefix + source }, cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>A supervisor clears an agent: the account's count, and that of every address whose last try was this account.</summary>
    public Task<int> UnlockAsync(string accountName, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM agent_sign_in_failures WHERE account = @account OR (account LIKE 'source:%' AND {LastAccountColumn} = @name)",
                new { account = AccountKey(accountName), name = accountName.ToLowerInvariant() }, cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>Accounts that must wait now (directly, or because the address they were last tried from must).</summary>
    public async Task<IReadOnlyList<WaitingAccount>> WaitingAsync(CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(
            connection => connection.QueryAsync<(string Account, string? LastAccount, long Until)>(new CommandDefinition(
                $"SELECT account, {LastAccountColumn}, locked_until FROM agent_sign_in_failures WHERE locked_until > @now",
                new { now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)),
            cancellationToken);
        return [.. rows
            .Select(r => (Name: r.Account.StartsWith(AccountPrefix, StringComparison.Ordinal) ? r.Account[AccountPrefix.Length..] : r.LastAccount, r.Until))
            .Where(r => r.Name is not null)
            .GroupBy(r => r.Name!)
            .Select(g => new WaitingAccount(g.Key, DateTimeOffset.FromUnixTimeMilliseconds(g.Max(r => r.Until))))
            .OrderBy(w => w.Account, StringComparer.Ordinal)];
    }

    /// <summary>Read, then written, holding the count: two wrong passwords at once on two instances count as two.</summary>
    private Task<DateTimeOffset?> CountAsync(string key, string? lastAccount, Func<long, TimeSpan> wait, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await database.LockAsync(connection, transaction, $"sign-in:{key}", cancellationToken);
                var counted = Next(await ReadAsync(connection, transaction, key, cancellationToken), wait);
                await connection.ExecuteAsync(new CommandDefinition(
                    $"""
                    INSERT INTO agent_sign_in_failures (account, failures, last_failure_at, locked_until, {LastAccountColumn}) VALUES (@key, @Count, @LastAt, @LockedUntil, @lastAccount)
                    ON CONFLICT (account) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
                        locked_until = excluded.locked_until, {LastAccountColumn} = coalesce(excluded.{LastAccountColumn}, agent_sign_in_failures.{LastAccountColumn})
                    """,
                    new { key, counted.Count, counted.LastAt, counted.LockedUntil, lastAccount = lastAccount?.ToLowerInvariant() },
                    transaction,
                    cancellationToken: cancellationToken));
                return Until(counted);
            },
            cancellationToken);

    private static async Task<Failures?> ReadAsync(DbConnection connection, DbTransaction? transaction, string key, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<Failures>(new CommandDefinition(
            "SELECT failures AS Count, last_failure_at AS LastAt, locked_until AS LockedUntil FROM agent_sign_in_failures WHERE account = @key",
            new { key }, transaction, cancellationToken: cancellationToken));

    private Failures Next(Failures? previous, Func<long, TimeSpan> wait)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var quiet = previous is null || now - DateTimeOffset.FromUnixTimeMilliseconds(previous.LastAt) > settings.MaxLockout;
        var count = (quiet ? 0 : previous!.Count) + 1;
        long? lockedUntil = count >= settings.MaxFailedSignIns ? (now + wait(count)).ToUnixTimeMilliseconds() : null;
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

    private static DateTimeOffset? Until(Failures? failures) =>
        failures?.LockedUntil is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null;

    private static string AccountKey(string name) => AccountPrefix + name.ToLowerInvariant();

    private static string Hash(string typedName) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(typedName.Trim().ToLowerInvariant())));

    private sealed record Failures(long Count, long LastAt, long? LockedUntil);
}
