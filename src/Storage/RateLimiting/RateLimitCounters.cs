using System.Globalization;
using Dapper;

namespace PhoneBooking.Storage.RateLimiting;

/// <summary>One fixed window of a limit: at most <see cref="PermitLimit"/> hits per <see cref="Length"/>.</summary>
public sealed record RateWindow(int PermitLimit, TimeSpan Length)
{
    /// <summary>The start of the window <paramref name="now"/> falls in (windows are aligned on the Unix epoch, the same on every instance).</summary>
    public DateTimeOffset StartOf(DateTimeOffset now) =>
        DbValues.Instant(DbValues.Ms(now) - (DbValues.Ms(now) % (long)Length.TotalMilliseconds));

    /// <summary>The row key of this window's counts: a minute and an hour starting at the same instant are two counts.</summary>
    public string KeyOf(string partitionKey) => string.Create(CultureInfo.InvariantCulture, $"{partitionKey}/{(long)Length.TotalSeconds}s");
}

/// <summary>
/// The counters of <c>rate_limit_windows</c>, on the process's database: every instance on it counts in
/// the same rows. A hit is one atomic upsert that returns the window's new count (no read-then-write to
/// race); a partition key is always a policy name and a keyed hash, never who it stands for.
/// </summary>
public sealed class RateLimitCounters(IDatabase database)
{
    private const string Hit =
        """
        INSERT INTO rate_limit_windows (partition_key, window_start, hits, expires_at)
        VALUES (@Key, @Start, 1, @Expires)
        ON CONFLICT (partition_key, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
        RETURNING hits
        """;

    /// <summary>Counts one hit in each window <paramref name="now"/> falls in; returns each window's count, this hit included.</summary>
    public Task<long[]> HitAsync(string partitionKey, IReadOnlyList<RateWindow> windows, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection =>
            {
                var counts = new long[windows.Count];
                for (var i = 0; i < windows.Count; i++)
                {
                    var start = windows[i].StartOf(now);
                    counts[i] = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                        Hit,
                        new { Key = windows[i].KeyOf(partitionKey), Start = DbValues.Ms(start), Expires = DbValues.Ms(start + windows[i].Length) },
                        cancellationToken: cancellationToken));
                }

                return counts;
            },
            cancellationToken);

    /// <summary>Deletes the windows that are over; returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM rate_limit_windows WHERE expires_at <= @Now", new { Now = DbValues.Ms(now) }, cancellationToken: cancellationToken)),
            cancellationToken);
}
