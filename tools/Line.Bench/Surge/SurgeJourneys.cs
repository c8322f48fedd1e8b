using System.Collections.Concurrent;
using System.Globalization;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.Line.Bench.Surge;

/// <summary>
/// The surge's callers, in the softphone's script language, after the end-to-end journeys
/// (tests/EndToEnd.Tests/Journeys/scripts: check-and-cancel, retirement-home, person-please; the booking is
/// <see cref="BookingCall"/>). Differences, each for a surge of thousands: every caller has their own
/// number and birth date, the coordinator calls with a caller ID (a withheld one would be one number for
/// every home), and the person-please caller hangs up once placed in line (no agent answers here).
/// </summary>
internal static class SurgeJourneys
{
    /// <summary>The demo facility every Development line has (src/SchedulingApi/Seeding/DemoData.cs).</summary>
    private const string FacilityCode = "700123";
    private const string FacilityPin = "2468";

    public static CallScript CheckAndCancel(BookedCode booked) => CallScript.Empty
        .Expect("For English, press 1")
        .Press("1")
        .Expect("To check or cancel a booking, press 2")
        .Press("2")
        .Expect("Enter your 8-digit confirmation code. Then press pound.")
        .Press(booked.Code + "#")
        .Expect("Please enter your date of birth")
        .Press(booked.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "#")
        .Expect("If that is right, press 1")
        .Press("1")
        .Expect("Your appointment is on")
        .Expect("To cancel this appointment, press 1")
        .Press("1")
        .Expect("Are you sure? To cancel it, press 1")
        .Press("1")
        .Expect("is cancelled")
        .Expect("To finish, press 2")
        .Press("2")
        .Expect("Goodbye")
        .ExpectHangup();

    /// <param name="visit">A day for the visit, in the weeks ahead.</param>
    public static CallScript GroupVisit(DateOnly visit) => CallScript.Empty
        .Expect("For English, press 1")
        .Press("1")
        .Expect("For a retirement home visit, press 3")
        .Press("3")
        .Expect("Enter your facility code. Then press pound.")
        .Press(FacilityCode + "#")
        .Expect("How many residents need a vaccine?")
        .Press("9#")
        .Expect("If none, press 0, then pound.")
        .Press("0#")
        .Expect("If that is right, press 1")
        .Press("1")
        .Expect("Enter a date you would like for the visit")
        .Press(visit.ToString("MMdd", CultureInfo.InvariantCulture) + "#")
        .Expect("If that is right, press 1")
        .Press("1")
        .Expect("If you are done, press 2")
        .Press("2")
        .Expect("We will call you at")
        .Expect("If that is right, press 1")
        .Press("1")
        .Expect("enter your PIN")
        .Press(FacilityPin + "#")
        .Expect("Your reference is")
        .Expect("To finish, press 2")
        .Press("2")
        .Expect("Goodbye")
        .ExpectHangup();

    public static CallScript Person() => CallScript.Empty
        .Expect("For English, press 1")
        .Press("1")
        .Expect("To talk to a person, press 0")
        .Press("0")
        .Expect("I am connecting you to a person")
        .Expect("in line")
        .HangUp();

    /// <summary>
    /// What a caller the line does not admit does: takes the call back it is offered and confirms the number.
    /// Written against the admission prompt's promise (issue 16: "very busy", a call back to the caller's number,
    /// confirmed), not its exact words, which the line owns.
    /// </summary>
    public static CallScript AcceptCallback() => CallScript.Empty
        .Expect("press 1")
        .Press("1")
        .Expect("If that is right, press 1")
        .Press("1")
        .ExpectHangup();
}

/// <summary>A booking made before the surge, for a check-and-cancel caller: its code and the birth date it was made with.</summary>
internal sealed record BookedCode(string Code, DateOnly BirthDate);

/// <summary>The codes booked during the warm-up, each cancelled by one surge caller.</summary>
internal sealed class BookedCodes
{
    private readonly ConcurrentQueue<BookedCode> _codes = new();

    public int Count => _codes.Count;

    public void Add(BookedCode code) => _codes.Enqueue(code);

    public bool TryTake(out BookedCode code) => _codes.TryDequeue(out code!);

    /// <summary>The 8-digit code the line read out ("Your confirmation code is 1 2 3 4 5 6 7 8."), or null.</summary>
    public static string? ReadBack(IEnumerable<string> heard)
    {
        const string Lead = "Your confirmation code is";
        foreach (var said in heard)
        {
            var at = said.IndexOf(Lead, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var digits = new string([.. said[(at + Lead.Length)..].TakeWhile(c => !char.IsLetter(c)).Where(char.IsAsciiDigit)]);
            if (digits.Length == 8)
            {
                return digits;
            }
        }

        return null;
    }
}
