using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Twilio;

/// <summary>
/// Checked at start (ValidateOnStart). Outside Development a missing auth token stops the host:
/// there is no switch that turns signature checks off. Messages quote the bad value, except the token.
/// </summary>
internal sealed partial class TwilioOptionsValidator(IHostEnvironment environment) : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AuthToken) && !environment.IsDevelopment())
        {
            failures.Add(
                $"Twilio:AuthToken is missing in environment '{environment.EnvironmentName}'. Every webhook's X-Twilio-Signature is checked with it; "
                + "set it from a secret store (environment variable Twilio__AuthToken).");
        }

        if (!string.IsNullOrEmpty(options.AccountSid) && !AccountSid().IsMatch(options.AccountSid))
        {
            failures.Add($"Twilio:AccountSid '{options.AccountSid}' is not an account SID (AC followed by 32 letters or digits).");
        }

        if (!string.IsNullOrEmpty(options.PhoneNumber) && !E164().IsMatch(options.PhoneNumber))
        {
            failures.Add($"Twilio:PhoneNumber '{options.PhoneNumber}' is not an E.164 number such as +15145550100.");
        }

        if (!string.IsNullOrEmpty(options.BaseUrlOverride) && !IsHttpUrlWithoutQuery(options.BaseUrlOverride))
        {
            failures.Add($"Twilio:BaseUrlOverride '{options.BaseUrlOverride}' must be an absolute http(s) URL without query, such as https://line.example.org.");
        }

        if (!IsHttpUrlWithoutQuery(options.ApiBaseUrl))
        {
            failures.Add($"Twilio:ApiBaseUrl '{options.ApiBaseUrl}' must be an absolute http(s) URL, such as {TwilioOptions.DefaultApiBaseUrl}.");
        }

        if (options.RequestTimeout < TimeSpan.FromSeconds(1) || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Twilio:RequestTimeout '{options.RequestTimeout}' must be between 00:00:01 and 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A path is allowed: it is the prefix a proxy strips before the request reaches us.
    private static bool IsHttpUrlWithoutQuery(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0;

    [GeneratedRegex("^AC[0-9A-Za-z]{32}$")]
    private static partial Regex AccountSid();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
