using System.Globalization;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.Line.Bench;

/// <summary>
/// One senior booking by phone, start to finish: English, book, birth date read back, the earliest
/// day at any time, the caller ID confirmed, wait on the line, accept the offer, hear the code, finish.
/// Every caller has their own number (a shared one would be offered to resume another's call) and an
/// eligible birth date.
/// </summary>
internal static class BookingCall
{
    private static readonly DateOnly Oldest = new(1925, 1, 1);

    public static DialRequest Dial(Uri line, int caller) => new()
    {
        VoiceUrl = new Uri(line, "voice"),
        StatusCallbackUrl = new Uri(line, "voice/status"),
        FallbackUrl = new Uri(line, "voice/fallback"),
        From = string.Create(CultureInfo.InvariantCulture, $"+1613{5550000 + caller:D7}"),
    };

    /// <summary>The caller's birth date: each caller their own, all eligible.</summary>
    public static DateOnly BirthDate(int caller) => Oldest.AddDays(caller % 10_000);

    public static CallScript Script(int caller) => CallScript.Empty
        .Expect("You have reached the vaccine booking line")
        .Press("1")
        .Expect("To book a vaccine, press 1")
        .Press("1")
        .Expect("Please enter your date of birth")
        .Press(BirthDate(caller).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "#")
        .Expect("If that is right, press 1")
        .Press("1")
        .Expect("For the first time available, on any day, press 1")
        .Press("1")
        .Expect("To wait on the line for your time, press 1")
        .Press("1")
        .Expect("We have a time for you", TimeSpan.FromMinutes(10))
        .Expect("To accept this time, press 1")
        .Press("1")
        .Expect("Your confirmation code is")
        .Expect("To finish, press 4")
        .Press("4")
        .Expect("Goodbye")
        .ExpectHangup();
}
