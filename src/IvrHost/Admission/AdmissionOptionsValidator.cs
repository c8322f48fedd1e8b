using System.Globalization;
using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.Admission;

internal sealed class AdmissionOptionsValidator : IValidateOptions<AdmissionOptions>
{
    public ValidateOptionsResult Validate(string? name, AdmissionOptions options)
    {
        var failures = new List<string>();
        if (options.MaxCallsInProgress < 1)
        {
            failures.Add($"Admission:MaxCallsInProgress '{options.MaxCallsInProgress}' must be at least 1.");
        }

        if (options.ActiveWithin < TimeSpan.FromMinutes(1))
        {
            failures.Add($"Admission:ActiveWithin '{options.ActiveWithin}' must be at least 00:01:00 (a caller thinking over a prompt is still in the call).");
        }

        if (options.MaxWebhooksInFlight < 1)
        {
            failures.Add($"Admission:MaxWebhooksInFlight '{options.MaxWebhooksInFlight}' must be at least 1.");
        }

        if (options.MaxWebhookLatency <= TimeSpan.Zero || options.MaxWebhookLatency > TimeSpan.FromSeconds(15))
        {
            failures.Add($"Admission:MaxWebhookLatency '{options.MaxWebhookLatency}' must be above 0 and at most 00:00:15 (Twilio gives up at 15 s).");
        }

        if (options.LatencyWindow < TimeSpan.FromSeconds(1) || options.LatencyWindow > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Admission:LatencyWindow '{options.LatencyWindow}' must be between 00:00:01 and 00:01:00.");
        }

        if (!(options.UnhealthyBackendShare > 0 && options.UnhealthyBackendShare <= 1))
        {
            failures.Add($"Admission:UnhealthyBackendShare '{options.UnhealthyBackendShare.ToString(CultureInfo.InvariantCulture)}' must be above 0 and at most 1.");
        }

        if (options.MaxHandoffsWaiting < 0)
        {
            failures.Add($"Admission:MaxHandoffsWaiting '{options.MaxHandoffsWaiting}' must be 0 (never offer a person) or more.");
        }

        if (options.CountsRefresh < TimeSpan.FromMilliseconds(100) || options.CountsRefresh > TimeSpan.FromSeconds(30))
        {
            failures.Add($"Admission:CountsRefresh '{options.CountsRefresh}' must be between 00:00:00.1 and 00:00:30.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
