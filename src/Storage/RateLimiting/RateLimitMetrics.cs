using System.Diagnostics.Metrics;

namespace PhoneBooking.Storage.RateLimiting;

/// <summary>
/// Meter <c>PhoneBooking.RateLimiting</c>: requests the shared limits refused, and requests let through
/// uncounted because the database failed or was slow (fail open), each tagged with the policy's name.
/// </summary>
public sealed class RateLimitMetrics
{
    public const string MeterName = "PhoneBooking.RateLimiting";

    private readonly Counter<long> _refused;
    private readonly Counter<long> _failedOpen;

    public RateLimitMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _refused = meter.CreateCounter<long>("phonebooking.rate_limit.refused", "{request}", "Requests refused by a shared rate limit.");
        _failedOpen = meter.CreateCounter<long>("phonebooking.rate_limit.failed_open", "{request}", "Requests let through uncounted: the shared counters' database failed or was slow.");
    }

    internal void Refused(string policy) => _refused.Add(1, new KeyValuePair<string, object?>("policy", policy));

    internal void FailedOpen(string policy) => _failedOpen.Add(1, new KeyValuePair<string, object?>("policy", policy));
}
