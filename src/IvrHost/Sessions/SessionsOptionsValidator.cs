using Microsoft.Extensions.Options;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Sessions;

internal sealed class SessionsOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<SessionsOptions>
{
    // Twilio ends any call within 24 hours, so a session untouched for longer can only be a dead one.
    internal static readonly TimeSpan MinRetention = TimeSpan.FromDays(1);
    internal const int MinSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, SessionsOptions options)
    {
        var failures = new List<string>();
        if (options.Retention < MinRetention)
        {
            failures.Add($"Sessions:Retention '{options.Retention}' must be at least {MinRetention} (a live call must never be purged).");
        }

        if (options.PurgeInterval < TimeSpan.FromMinutes(1) || options.PurgeInterval > options.Retention)
        {
            failures.Add($"Sessions:PurgeInterval '{options.PurgeInterval}' must be at least 00:01:00 and at most Sessions:Retention.");
        }

        if (options.CallerKeySecret is { } secret && secret.Length < MinSecretLength)
        {
            // The secret itself is never quoted.
            failures.Add($"Sessions:CallerKeySecret is {secret.Length} characters long; it must have at least {MinSecretLength}.");
        }
        else if (options.CallerKeySecret is null && storage.Value.ProviderKind == StorageProvider.Postgres)
        {
            // A generated key would be this instance's alone, and one kept in the database would let a copy of it reverse the keys.
            failures.Add($"Sessions:CallerKeySecret is required with Storage:Provider 'Postgres' (at least {MinSecretLength} characters, the same on every instance): it keys callers' numbers for resuming calls, counting texts and calls.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
