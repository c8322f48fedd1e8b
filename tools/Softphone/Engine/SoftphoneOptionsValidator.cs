using Microsoft.Extensions.Options;
using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Engine;

public sealed class SoftphoneOptionsValidator : IValidateOptions<SoftphoneOptions>
{
    public ValidateOptionsResult Validate(string? name, SoftphoneOptions options)
    {
        var failures = new List<string>();
        if (!Sid.IsValid(options.AccountSid, "AC"))
        {
            failures.Add($"Softphone:AccountSid '{options.AccountSid}' must be 'AC' followed by 32 hex digits.");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            failures.Add("Softphone:AuthToken must not be empty: every webhook is signed with it.");
        }

        Positive(options.WebhookTimeout, nameof(options.WebhookTimeout));
        Positive(options.MaxCallDuration, nameof(options.MaxCallDuration));
        Positive(options.HoldPacing, nameof(options.HoldPacing));
        if (options.PlayDuration < TimeSpan.Zero)
        {
            failures.Add($"Softphone:PlayDuration '{options.PlayDuration}' must not be negative.");
        }

        if (options.MaxDocumentsPerCall < 1)
        {
            failures.Add($"Softphone:MaxDocumentsPerCall '{options.MaxDocumentsPerCall}' must be at least 1.");
        }

        if (options.WordsPerMinute < 0)
        {
            failures.Add($"Softphone:WordsPerMinute '{options.WordsPerMinute}' must not be negative (0 makes speech take no time).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Positive(TimeSpan value, string option)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"Softphone:{option} '{value}' must be positive.");
            }
        }
    }
}
