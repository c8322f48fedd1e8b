using Microsoft.Extensions.Options;
using PhoneBooking.Twilio;

namespace PhoneBooking.IvrHost.Callbacks;

internal sealed class CallbackOptionsValidator(IOptions<TwilioOptions> twilio) : IValidateOptions<CallbackOptions>
{
    public ValidateOptionsResult Validate(string? name, CallbackOptions options)
    {
        var failures = new List<string>();
        if (options.DialerEnabled && PublicBaseUrl(options, twilio.Value) is null)
        {
            failures.Add($"Callbacks:PublicBaseUrl ('{options.PublicBaseUrl}') must be the absolute http(s) URL Twilio reaches this line at (or set Twilio:BaseUrlOverride), or set Callbacks:DialerEnabled to false.");
        }

        if (options.DialerEnabled && string.IsNullOrEmpty(twilio.Value.PhoneNumber))
        {
            failures.Add("Twilio:PhoneNumber must be set for the dialer: callbacks come from the line's own number, and the messages say it.");
        }

        if (options.CallsPerSecond is <= 0 or > 100 || double.IsNaN(options.CallsPerSecond))
        {
            failures.Add($"Callbacks:CallsPerSecond ({options.CallsPerSecond}) must be more than 0 and at most 100.");
        }

        if (options.CallingHoursStart < TimeSpan.Zero || options.CallingHoursEnd > TimeSpan.FromHours(24) || options.CallingHoursStart >= options.CallingHoursEnd)
        {
            failures.Add($"Callbacks:CallingHoursStart ({options.CallingHoursStart}) must be before Callbacks:CallingHoursEnd ({options.CallingHoursEnd}), within one day.");
        }

        if (options.RingTimeoutSeconds is < 5 or > 600)
        {
            failures.Add($"Callbacks:RingTimeoutSeconds ({options.RingTimeoutSeconds}) must be between 5 and 600 (Twilio's range).");
        }

        if (options.MachineDetection is not ("Enable" or "DetectMessageEnd"))
        {
            failures.Add($"Callbacks:MachineDetection ('{options.MachineDetection}') must be Enable or DetectMessageEnd.");
        }

        if (options.MachineDetectionWaits is < 0 or > 60)
        {
            failures.Add($"Callbacks:MachineDetectionWaits ({options.MachineDetectionWaits}) must be between 0 and 60.");
        }

        if (options.EffectiveRetryDelays.Any(d => d <= TimeSpan.Zero || d > TimeSpan.FromDays(1)) || options.EffectiveRetryDelays.Count > 10)
        {
            failures.Add($"Callbacks:RetryDelays ({string.Join(", ", options.EffectiveRetryDelays)}) must be at most 10 delays, each more than 0 and at most a day.");
        }

        if (options.MaxConcurrentAgentCallbacks is < 0 or > 1000)
        {
            failures.Add($"Callbacks:MaxConcurrentAgentCallbacks ({options.MaxConcurrentAgentCallbacks}) must be between 0 and 1000.");
        }

        if (options.Lease < TimeSpan.FromSeconds(10) || options.PollInterval <= TimeSpan.Zero || options.FeedPollInterval <= TimeSpan.Zero || options.StaleCallAfter < TimeSpan.FromMinutes(10))
        {
            failures.Add($"Callbacks:Lease ({options.Lease}) must be at least 10 s, PollInterval ({options.PollInterval}) and FeedPollInterval ({options.FeedPollInterval}) more than 0, StaleCallAfter ({options.StaleCallAfter}) at least 10 min.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The origin callback URLs are built on: Callbacks:PublicBaseUrl, else Twilio:BaseUrlOverride.</summary>
    public static Uri? PublicBaseUrl(CallbackOptions options, TwilioOptions twilio) =>
        Uri.TryCreate(options.PublicBaseUrl ?? twilio.BaseUrlOverride, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0
            ? url
            : null;
}
