using System.Threading.RateLimiting;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// The seam for per-client rate limits. This process keeps its token buckets in memory: with N API
/// instances behind a balancer a client gets up to N times its limit. Issue 16 replaces this one
/// registration with limiters backed by a store every instance shares; nothing else changes.
/// </summary>
public interface IClientRateLimits
{
    /// <summary>Every request of the client (<see cref="ClientLimits.RequestsPerSecond"/>).</summary>
    RateLimitPartition<string> Requests(ApiClient client);

    /// <summary>New booking requests (<see cref="ClientLimits.BookingsPerMinute"/>).</summary>
    RateLimitPartition<string> BookingSubmissions(ApiClient client);
}

/// <summary>In-process token buckets per client: a burst of one second (requests) or ten seconds (bookings), refilled steadily.</summary>
internal sealed class InProcessClientRateLimits : IClientRateLimits
{
    public RateLimitPartition<string> Requests(ApiClient client) =>
        Bucket("requests:" + client.Name, client.Limits.RequestsPerSecond, perSecond: client.Limits.RequestsPerSecond, burstSeconds: 1);

    public RateLimitPartition<string> BookingSubmissions(ApiClient client) =>
        Bucket("bookings:" + client.Name, client.Limits.BookingsPerMinute, perSecond: client.Limits.BookingsPerMinute / 60.0, burstSeconds: 10);

    private static RateLimitPartition<string> Bucket(string key, int limit, double perSecond, int burstSeconds) =>
        limit <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, (int)Math.Ceiling(perSecond * burstSeconds)),
                // Ten refills a second, or one token per period when the rate is slower than that.
                TokensPerPeriod = perSecond >= 10 ? (int)Math.Ceiling(perSecond / 10) : 1,
                ReplenishmentPeriod = perSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1 / perSecond),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}
