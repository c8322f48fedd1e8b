using System.Globalization;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.Deployment.Tests.ScaleOut;

/// <summary>A senior booking by phone, start to finish, through whatever address Twilio would call (the balancer).</summary>
internal static class BookingScript
{
    public static DialRequest Dial(Uri line, int caller) => new()
    {
        VoiceUrl = new Uri(line, "voice"),
        StatusCallbackUrl = new Uri(line, "voice/status"),
        FallbackUrl = new Uri(line, "voice/fallback"),
        From = string.Create(CultureInfo.InvariantCulture, $"+1613{5550000 + caller:D7}"),
    };

    /// <summary>The booking up to the date of birth; <see cref="Rest"/> the remainder.</summary>
    public static CallScript UpToBirthDate => CallScript.Empty
        .Expect("You have reached the vaccine booking line")
        .Press("1")
        .Expect("To book a vaccine, press 1")
        .Press("1")
        .Expect("Please enter your date of birth");

    public static CallScript Whole => Rest(UpToBirthDate);

    public static CallScript Rest(CallScript start) => start
        .Press("19450312#")
        .Expect("If that is right, press 1")
        .Press("1")
        .Expect("For the earliest day possible, press 1")
        .Press("1")
        .Expect("For any time, press 4")
        .Press("4")
        .Expect("If you are done, press 2")
        .Press("2")
        .Expect("We will call you back at")
        .Press("1")
        .Expect("To wait on the line, press 1")
        .Press("1")
        .Expect("We have a time for you", TimeSpan.FromMinutes(4))
        .Expect("To accept this time, press 1")
        .Press("1")
        .Expect("Your appointment is booked")
        .Expect("To finish, press 4")
        .Press("4")
        .Expect("Goodbye")
        .ExpectHangup();
}
