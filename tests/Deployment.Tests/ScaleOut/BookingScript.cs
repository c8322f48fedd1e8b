using System.Globalization;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.Deployment.Tests.ScaleOut;

/// <summary>
/// A senior booking by phone, start to finish, dialled at whatever address Twilio would call (the balancer). The
/// script is the end-to-end journey's own (tests/EndToEnd.Tests/Journeys/scripts/plain-booking.script), so it
/// follows the call flow as it changes.
/// </summary>
internal static class BookingScript
{
    /// <summary>Said after the date of birth was taken, before the caller confirms it: a moment between two webhooks.</summary>
    public const string BirthDateReadBack = "You entered March 12, 1945";

    public static CallScript Whole { get; } = CallScript.Parse(File.ReadAllText(
        Path.Combine(RepositoryPaths.Root, "tests", "EndToEnd.Tests", "Journeys", "scripts", "plain-booking.script")));

    public static DialRequest Dial(Uri line, int caller) => new()
    {
        VoiceUrl = new Uri(line, "voice"),
        StatusCallbackUrl = new Uri(line, "voice/status"),
        FallbackUrl = new Uri(line, "voice/fallback"),
        From = string.Create(CultureInfo.InvariantCulture, $"+1613{5550000 + caller:D7}"),
    };
}
