using System.Globalization;

namespace PhoneBooking.Twilio;

/// <summary>How a value is spelled to Twilio, in TwiML attributes and REST form fields alike.</summary>
internal static class TwilioValue
{
    public static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        Uri uri => uri.OriginalString,
        HttpMethod method => method.Method,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
