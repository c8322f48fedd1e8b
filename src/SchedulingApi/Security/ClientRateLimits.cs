using System.Threading.RateLimiting;
using PhoneBooking.Storage.RateLimiting;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>The per-client rate limits, as partitions ASP.NET Core's rate limiting asks (docs/security.md).</summary>
public interface IClientRateLimits
{
    /// <summary>Every request of the client (<see cref="ClientLimits.RequestsPerSecond"/>).</summary>
    RateLimitPartition<string> Requests(ApiClient client);

    /// <summary>New booking requests (<see cref="ClientLimits.BookingsPerMinute"/>, <see cref="ClientLimits.BookingsPerHour"/>).</summary>
    RateLimitPartition<string> BookingSubmissions(ApiClient client);
}

/// <summary>
/// Bookings (OWASP API6, bulk booking) are counted in the database every instance shares, per client (its
/// name under the API's HMAC key): with N instances behind a balancer a client still gets one budget. The
/// per-second request rate stays an in-process token bucket per instance on purpose: it guards this
/// instance's own capacity against one client's flood, which is a per-instance resource, and counting
/// every request in the database would cost a write per request to enforce it.
/// </summary>
internal sealed class ClientRateLimits(SharedRateLimits shared, ApiSecrets secrets) : IClientRateLimits
{
    public const string BookingPolicy = "api-bookings";

    public RateLimitPartition<string> Requests(ApiClient client)
    {
        var perSecond = client.Limits.RequestsPerSecond;
        return perSecond <= 0
            ? RateLimitPartition.GetNoLimiter("requests:" + client.Name)
            : RateLimitPartition.GetTokenBucketLimiter("requests:" + client.Name, _ => new TokenBucketRateLimiterOptions
            {
                // A burst of one second, refilled ten times a second (or one token per period when slower).
                TokenLimit = perSecond,
                TokensPerPeriod = perSecond >= 10 ? (int)Math.Ceiling(perSecond / 10.0) : 1,
                ReplenishmentPeriod = perSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1.0 / perSecond),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }

    public RateLimitPartition<string> BookingSubmissions(ApiClient client)
    {
        List<RateWindow> windows = [];
        if (client.Limits.BookingsPerMinute > 0)
        {
            windows.Add(new RateWindow(client.Limits.BookingsPerMinute, TimeSpan.FromMinutes(1)));
        }

        if (client.Limits.BookingsPerHour > 0)
        {
            windows.Add(new RateWindow(client.Limits.BookingsPerHour, TimeSpan.FromHours(1)));
        }

        return shared.Partition(BookingPolicy, secrets.ThrottleKey("rate-limit:" + client.Name), windows);
    }
}
