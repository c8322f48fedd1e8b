using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Storage.RateLimiting;

/// <summary>
/// Rate limits shared by every instance on one database, as <see cref="System.Threading.RateLimiting"/>
/// partitions (so ASP.NET Core's rate limiting and <see cref="PartitionedRateLimiter"/> use them as any other):
/// fixed windows counted in <see cref="RateLimitCounters"/>. A partition is a policy and a keyed hash of
/// its subject, hashed by the caller with the process's own secret. When the database fails or is slower
/// than <see cref="SharedRateLimitOptions.StoreTimeout"/>, the request is let through and counted as
/// failed open (docs/security.md): a limit is there to stop abuse, never to refuse people for our fault.
/// </summary>
public sealed partial class SharedRateLimits(
    RateLimitCounters counters,
    TimeProvider clock,
    IOptions<SharedRateLimitOptions> options,
    RateLimitMetrics metrics,
    ILogger<SharedRateLimits> logger)
{
    /// <summary>
    /// The partition of <paramref name="policy"/> for one subject (<paramref name="subjectHash"/>: a keyed
    /// hash, or a fixed word such as "withheld"). No windows: no limit, and no database work.
    /// </summary>
    public RateLimitPartition<string> Partition(string policy, string subjectHash, IReadOnlyList<RateWindow> windows)
    {
        var key = policy + ":" + subjectHash;
        return windows.Count == 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.Get(key, k => new SharedWindowLimiter(this, policy, k, [.. windows]));
    }

    internal async ValueTask<RateLimitLease> AcquireAsync(string policy, string key, IReadOnlyList<RateWindow> windows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        long[] counts;
        using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            bounded.CancelAfter(options.Value.StoreTimeout);
            try
            {
                counts = await counters.HitAsync(key, windows, now, bounded.Token);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                metrics.FailedOpen(policy);
                LogFailedOpen(logger, policy, ex);
                return WindowLease.Allowed;
            }
        }

        var retryAfter = TimeSpan.Zero;
        for (var i = 0; i < windows.Count; i++)
        {
            if (counts[i] > windows[i].PermitLimit)
            {
                var end = windows[i].StartOf(now) + windows[i].Length;
                retryAfter = end - now > retryAfter ? end - now : retryAfter;
            }
        }

        if (retryAfter == TimeSpan.Zero)
        {
            return WindowLease.Allowed;
        }

        metrics.Refused(policy);
        return WindowLease.Refused(retryAfter);
    }

    internal long Timestamp() => clock.GetTimestamp();

    internal TimeSpan Since(long timestamp) => clock.GetElapsedTime(timestamp);

    [LoggerMessage(EventId = 9101, EventName = "RateLimitFailedOpen", Level = LogLevel.Warning,
        Message = "Rate limit {Policy}: the shared counters failed or were slow, so the request was let through uncounted")]
    private static partial void LogFailedOpen(ILogger logger, string policy, Exception exception);

    /// <summary>One partition's limiter: every acquisition is a hit counted in the database (no local state but when it was last used).</summary>
    private sealed class SharedWindowLimiter(SharedRateLimits owner, string policy, string key, RateWindow[] windows) : RateLimiter
    {
        private long _lastUsed = owner.Timestamp();

        /// <summary>Lets <see cref="PartitionedRateLimiter"/> drop a partition unused for a while (it holds nothing worth keeping).</summary>
        public override TimeSpan? IdleDuration => owner.Since(Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => null;

        /// <summary>
        /// A count needs the database, which a synchronous attempt cannot wait for: it is declined without
        /// counting, and ASP.NET Core's middleware then asks <see cref="AcquireAsyncCore"/>, which counts.
        /// </summary>
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => WindowLease.NotAttempted;

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _lastUsed, owner.Timestamp());
            if (permitCount == 0)
            {
                return ValueTask.FromResult<RateLimitLease>(WindowLease.Allowed);
            }

            return owner.AcquireAsync(policy, key, windows, cancellationToken);
        }
    }

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Allowed = new(true, null);

        public static readonly WindowLease NotAttempted = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static WindowLease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
