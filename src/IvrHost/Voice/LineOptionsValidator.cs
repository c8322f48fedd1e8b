using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.Voice;

internal sealed class LineOptionsValidator : IValidateOptions<LineOptions>
{
    public ValidateOptionsResult Validate(string? name, LineOptions options)
    {
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
        {
            failures.Add($"Line:TimeZone ('{options.TimeZone}') is not a time zone this machine knows (use an IANA id such as America/Toronto).");
        }

        if (string.IsNullOrWhiteSpace(options.AgentQueue) || options.AgentQueue.Length > 64)
        {
            failures.Add($"Line:AgentQueue ('{options.AgentQueue}') must be a queue name of 1 to 64 characters.");
        }

        if (options.ResumeWithin < TimeSpan.Zero || options.ResumeWithin > TimeSpan.FromDays(2))
        {
            failures.Add($"Line:ResumeWithin ({options.ResumeWithin}) must be between 00:00:00 and 2.00:00:00.");
        }

        if (options.AgentNumber is { Length: > 0 } number && !IsE164(number))
        {
            failures.Add($"Line:AgentNumber ('{number}') must be a phone number in E.164 form, e.g. +14165550100.");
        }

        if (options.AgentSip is { Length: > 0 } sip && !(Uri.TryCreate(sip, UriKind.Absolute, out var uri) && uri.Scheme == "sip"))
        {
            failures.Add($"Line:AgentSip ('{sip}') must be a sip: URI, e.g. sip:agents@pbx.example.org.");
        }

        if (options.AgentNumber is { Length: > 0 } && options.AgentSip is { Length: > 0 })
        {
            failures.Add($"Line:AgentNumber ('{options.AgentNumber}') and Line:AgentSip ('{options.AgentSip}') are both set: set one.");
        }

        if (options.QueueCallbackOfferAfter < TimeSpan.Zero || options.QueueCallbackOfferAfter > TimeSpan.FromHours(1))
        {
            failures.Add($"Line:QueueCallbackOfferAfter ({options.QueueCallbackOfferAfter}) must be between 00:00:00 and 01:00:00.");
        }

        if (options.HoldMusicUrl is { } music && !(music.IsAbsoluteUri && music.Scheme is "https" or "http"))
        {
            failures.Add($"Line:HoldMusicUrl ('{music}') must be an absolute http(s) URL Twilio can fetch.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsE164(string number) =>
        number is ['+', >= '1' and <= '9', ..] && number.Length is >= 8 and <= 16 && number[1..].All(char.IsAsciiDigit);
}
