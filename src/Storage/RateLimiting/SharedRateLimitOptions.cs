using System.Globalization;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Storage.RateLimiting;

/// <summary>
/// Section <c>SharedRateLimits</c>: how the shared counters behave, whatever the limits are (each feature
/// configures its own). <see cref="StoreTimeout"/> bounds the wait for the database: past it, or when the
/// database fails, the request is let through (fail open, counted) — a caller is never refused because
/// our database blipped.
/// </summary>
public sealed class SharedRateLimitOptions
{
    public const string SectionName = "SharedRateLimits";

    /// <summary>The longest a request waits for its count before it is let through uncounted.</summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often windows that are over are deleted.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(5);
}

internal sealed class SharedRateLimitOptionsValidator : IValidateOptions<SharedRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, SharedRateLimitOptions options)
    {
        var failures = new List<string>();
        if (options.StoreTimeout < TimeSpan.FromMilliseconds(50) || options.StoreTimeout > TimeSpan.FromSeconds(60))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{SharedRateLimitOptions.SectionName}:StoreTimeout '{options.StoreTimeout}' must be between 00:00:00.05 and 00:01:00."));
        }

        if (options.PruneInterval < TimeSpan.FromSeconds(10) || options.PruneInterval > TimeSpan.FromDays(1))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{SharedRateLimitOptions.SectionName}:PruneInterval '{options.PruneInterval}' must be between 00:00:10 and 1.00:00:00."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
