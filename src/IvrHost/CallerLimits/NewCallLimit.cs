using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Hosting;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.Storage.RateLimiting;

namespace PhoneBooking.IvrHost.CallerLimits;

/// <summary>
/// The per-number limit on new calls, asked once per new call at the answer webhook (after Twilio's
/// signature, before anything else the call does); calls in progress are never asked. The partition is a
/// keyed hash of the number under the line's caller-key secret, or one shared partition for every caller
/// without a usable caller ID. Counts are shared by every instance on the line's database; when it fails,
/// the call goes through (fail open, counted: <c>phonebooking.rate_limit.failed_open</c>).
/// </summary>
public sealed class NewCallLimit : IDisposable
{
    public const string Policy = "line-new-calls";

    /// <summary>The one partition of callers Twilio gives no number for ("anonymous", "Restricted", +266696687, empty…).</summary>
    public const string Withheld = "withheld";

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly PartitionedRateLimiter<string?> _limiter;

    public NewCallLimit(SharedRateLimits shared, CallerKeys keys, IOptions<CallerLimitsOptions> options)
    {
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<string?, string>(from => keys.For(from) is null
            ? shared.Partition(Policy, Withheld, Windows(limits.WithheldNewCallsPerHour))
            : shared.Partition(Policy, keys.Keyed(Policy, from!), Windows(limits.NewCallsPerHour)));
    }

    /// <summary>True when a new call from <paramref name="from"/> (Twilio's From, as sent) may go on.</summary>
    public async Task<bool> AllowsAsync(string? from, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(from, 1, cancellationToken);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static RateWindow[] Windows(int perHour) => perHour == 0 ? [] : [new RateWindow(perHour, Hour)];
}

public static class CallerLimitsServiceCollectionExtensions
{
    /// <summary>The per-number limit on new calls (section <c>CallerLimits</c>) on the line's shared counters.</summary>
    public static IServiceCollection AddCallerLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CallerLimitsOptions, CallerLimitsOptionsValidator>(configuration, CallerLimitsOptions.SectionName);
        services.AddSharedRateLimits();
        services.AddSingleton<NewCallLimit>();
        return services;
    }
}
