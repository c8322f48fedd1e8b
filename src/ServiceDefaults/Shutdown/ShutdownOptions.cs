using Microsoft.Extensions.Options;

namespace PhoneBooking.ServiceDefaults.Shutdown;

/// <summary>
/// Section <c>Shutdown</c>: how a SIGTERM (a deploy, a scale-in) ends the process without dropping
/// anything (docs/operations.md, "Deploys").
/// </summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Shutdown";

    /// <summary>
    /// How long readiness fails while the process still serves, before it stops taking connections:
    /// the time a balancer needs to notice (HAProxy checking every second: 1–2 s; Kubernetes removes a
    /// terminating pod's endpoint within a few seconds). Unset: 5 s, or none in Development (Ctrl+C ends at once).
    /// </summary>
    public TimeSpan? DrainDelay { get; set; }

    /// <summary>
    /// The most a shutdown may take, drain included: webhooks still running finish, background work
    /// reaches a safe point, then the process exits whatever is left (<c>HostOptions.ShutdownTimeout</c>).
    /// Keep it under the platform's grace period (Kubernetes: 30 s by default).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);

    public TimeSpan EffectiveDrainDelay => DrainDelay ?? TimeSpan.Zero;
}

internal sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options)
    {
        var failures = new List<string>();
        if (options.DrainDelay is { } drain && (drain < TimeSpan.Zero || drain > TimeSpan.FromMinutes(5)))
        {
            failures.Add($"Shutdown:DrainDelay '{drain}' must be between 00:00:00 and 00:05:00.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromHours(1))
        {
            failures.Add($"Shutdown:Timeout '{options.Timeout}' must be between 00:00:01 and 01:00:00.");
        }
        else if (options.Timeout <= options.EffectiveDrainDelay)
        {
            failures.Add($"Shutdown:Timeout '{options.Timeout}' must be longer than Shutdown:DrainDelay '{options.EffectiveDrainDelay}': requests still running need time to finish after the drain.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
