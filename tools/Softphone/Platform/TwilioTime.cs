using System.Globalization;

namespace PhoneBooking.Softphone.Platform;

/// <summary>Twilio writes dates in RFC 2822 form, always in GMT: "Mon, 23 Nov 2026 14:00:00 +0000".</summary>
public static class TwilioTime
{
    public static string Rfc2822(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan value) =>
        ((long)Math.Max(0, Math.Round(value.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
}
