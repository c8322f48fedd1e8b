using System.Globalization;
using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingClient;

/// <summary>Start-up validation: every message names the setting and quotes the bad value.</summary>
internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    // Twilio abandons a webhook after 15 s; a budget past that can only produce dead air.
    private static readonly TimeSpan MaxTotalTimeout = TimeSpan.FromSeconds(15);

    // Polly's own lower bounds, stated here so a bad value fails with our message, not Polly's.
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinBreakerDuration = TimeSpan.FromMilliseconds(500);

    private const int MinApiKeyLength = 32;
    private const int MaxApiKeyLength = 256;

    public ValidateOptionsResult Validate(string? name, SchedulingOptions o)
    {
        var errors = new List<string>();
        const string S = SchedulingOptions.SectionName;

        if (o.BaseUrl is null)
        {
            errors.Add($"{S}:BaseUrl is required (the scheduling API root, e.g. http://127.0.0.1:5080/).");
        }
        else if (!o.BaseUrl.IsAbsoluteUri || (o.BaseUrl.Scheme != Uri.UriSchemeHttp && o.BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{S}:BaseUrl ({o.BaseUrl}) must be an absolute http or https URL.");
        }

        // Never quotes the key: it is a secret.
        if (string.IsNullOrEmpty(o.ApiKey))
        {
            errors.Add($"{S}:ApiKey is required: the scheduling API refuses requests without this client's key (docs/security.md).");
        }
        else if (o.ApiKey.Length is < MinApiKeyLength or > MaxApiKeyLength || o.ApiKey.Any(c => c is <= ' ' or > '~'))
        {
            errors.Add($"{S}:ApiKey must be {MinApiKeyLength}-{MaxApiKeyLength} printable characters without spaces (it has {o.ApiKey.Length}).");
        }

        if (o.TotalTimeout < MinTimeout || o.TotalTimeout >= MaxTotalTimeout)
        {
            errors.Add($"{S}:TotalTimeout ({o.TotalTimeout}) must be at least {MinTimeout} and shorter than {MaxTotalTimeout} (Twilio's webhook limit).");
        }

        if (o.AttemptTimeout < MinTimeout)
        {
            errors.Add($"{S}:AttemptTimeout ({o.AttemptTimeout}) must be at least {MinTimeout}.");
        }
        else if (o.AttemptTimeout >= o.TotalTimeout)
        {
            errors.Add($"{S}:AttemptTimeout ({o.AttemptTimeout}) must be shorter than {S}:TotalTimeout ({o.TotalTimeout}).");
        }

        Range(errors, "RetryCount", o.RetryCount, 0, 10);
        if (o.RetryBaseDelay < TimeSpan.Zero || o.RetryBaseDelay >= o.TotalTimeout)
        {
            errors.Add($"{S}:RetryBaseDelay ({o.RetryBaseDelay}) must be zero or more and shorter than {S}:TotalTimeout ({o.TotalTimeout}).");
        }

        Ratio(errors, "BreakerFailureRatio", o.BreakerFailureRatio);
        Range(errors, "BreakerMinimumThroughput", o.BreakerMinimumThroughput, 2, 10_000);
        AtLeast(errors, "BreakerSamplingDuration", o.BreakerSamplingDuration, MinBreakerDuration);
        AtLeast(errors, "BreakerBreakDuration", o.BreakerBreakDuration, MinBreakerDuration);

        AtLeast(errors, "HealthProbeInterval", o.HealthProbeInterval, TimeSpan.FromSeconds(1));
        Range(errors, "HealthProbeFailuresForDown", o.HealthProbeFailuresForDown, 1, 100);
        AtLeast(errors, "HealthWindow", o.HealthWindow, TimeSpan.FromSeconds(1));
        Range(errors, "DegradedMinimumCalls", o.DegradedMinimumCalls, 1, 10_000);
        Ratio(errors, "DegradedFailureRatio", o.DegradedFailureRatio);
        AtLeast(errors, "DegradedLatency", o.DegradedLatency, MinTimeout);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{SchedulingOptions.SectionName}:{key} ({value}) must be between {min} and {max}.");
        }
    }

    private static void Ratio(List<string> errors, string key, double value)
    {
        if (!(value > 0 && value <= 1))
        {
            errors.Add($"{SchedulingOptions.SectionName}:{key} ({value.ToString(CultureInfo.InvariantCulture)}) must be greater than 0 and at most 1.");
        }
    }

    private static void AtLeast(List<string> errors, string key, TimeSpan value, TimeSpan min)
    {
        if (value < min)
        {
            errors.Add($"{SchedulingOptions.SectionName}:{key} ({value}) must be at least {min}.");
        }
    }
}
