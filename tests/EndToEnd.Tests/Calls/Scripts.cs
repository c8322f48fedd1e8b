using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>The pieces callers say again and again, as script fragments to chain with <see cref="Then"/>.</summary>
public static class Scripts
{
    /// <summary>The hold loop polls every few seconds of call time: an offer may take several rounds.</summary>
    public static readonly TimeSpan OfferWithin = TimeSpan.FromMinutes(4);

    public static CallScript Then(this CallScript first, CallScript next) => new([.. first.Steps, .. next.Steps]);

    /// <summary>Ring, English, the main menu.</summary>
    public static CallScript MainMenu() => CallScript.Empty
        .Expect("You have reached the vaccine booking line")
        .Expect("For English, press 1")
        .Press("1")
        .Expect("press star to hear something again")
        .Expect("To book a vaccine, press 1");

    /// <summary>From the main menu: book, the birth date read back, eligible.</summary>
    public static CallScript BirthDate(string digits) => CallScript.Empty
        .Press("1")
        .Expect("Please enter your date of birth")
        .Press(digits + "#")
        .Expect("You entered")
        .Press("1")
        .Expect("One moment while I check if you can book");

    /// <summary>Eligible: the earliest day at any time, the caller ID confirmed, submitted, waiting on the line until the offer.</summary>
    public static CallScript RequestUntilOffer() => CallScript.Empty
        .Expect("let's choose when you are free")
        .Expect("For the earliest day possible, press 1")
        .Press("1")
        .Expect("For any time, press 4")
        .Press("4")
        .Expect("Your first choice is the earliest day, at any time")
        .Expect("If you are done, press 2")
        .Press("2")
        .Expect("We will call you back at")
        .Press("1")
        .Expect("Your request is sent")
        .Expect("To wait on the line, press 1")
        .Press("1")
        .Expect("We have a time for you", OfferWithin)
        .Expect("We will hold this time for you for")
        .Expect("To accept this time, press 1");

    /// <summary>A whole booking, from ring to the confirmation code and its menu.</summary>
    public static CallScript BookUntilCode(string birthDate = Hosting.LineFixture.EligibleBirthDate) => MainMenu()
        .Then(BirthDate(birthDate))
        .Then(RequestUntilOffer())
        .Press("1")
        .Expect("Your appointment is booked")
        .Expect("Your confirmation code is")
        .Expect("To finish, press 4");

    /// <summary>Finish at a menu whose "finish" key is <paramref name="key"/>: goodbye, and the line hangs up.</summary>
    public static CallScript Finish(this CallScript script, string key = "4") => script
        .Press(key)
        .Expect("Thank you for calling. Goodbye.")
        .ExpectHangup();
}
