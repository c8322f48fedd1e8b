using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.CallerLimits;

/// <summary>
/// Section <c>CallerLimits</c>: how many new calls one number may make in an hour (telephony denial of
/// service), counted across every instance of the line (docs/security.md). Calls with no usable caller ID
/// (anonymous, restricted, withheld, empty) are counted together, so their limit is that of many people.
/// Zero turns a limit off. The hour is fixed: the caller is told "in the last hour".
/// </summary>
public sealed class CallerLimitsOptions
{
    public const string SectionName = "CallerLimits";

    public const int Max = 100_000;

    /// <summary>New calls from one number in an hour; the next hears the limit message and the call ends.</summary>
    public int NewCallsPerHour { get; set; } = 10;

    /// <summary>New calls in an hour from every caller without a usable caller ID, together.</summary>
    public int WithheldNewCallsPerHour { get; set; } = 60;
}

internal sealed class CallerLimitsOptionsValidator : IValidateOptions<CallerLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, CallerLimitsOptions options)
    {
        var failures = new List<string>();
        if (options.NewCallsPerHour is < 0 or > CallerLimitsOptions.Max)
        {
            failures.Add($"{CallerLimitsOptions.SectionName}:NewCallsPerHour '{options.NewCallsPerHour}' must be between 0 (off) and {CallerLimitsOptions.Max}.");
        }

        if (options.WithheldNewCallsPerHour is < 0 or > CallerLimitsOptions.Max)
        {
            failures.Add($"{CallerLimitsOptions.SectionName}:WithheldNewCallsPerHour '{options.WithheldNewCallsPerHour}' must be between 0 (off) and {CallerLimitsOptions.Max}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
