using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>
/// The pieces callers say again and again, as script fragments to chain with <see cref="Then"/>. A caller
/// acts as soon as they have heard what they were waiting for (keys then cut the prompt short, as on Twilio),
/// so each fragment waits for the words that name the key it presses.
/// </summary>
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

    /// <summary>From the main menu: book, the birth date typed and read back, confirmed.</summary>
    public static CallScript BirthDate(string digits) => CallScript.Empty
        .Press("1")
        .Expect("Please enter your date of birth")
        .Expect("Then press pound")
        .Press(digits + "#")
        .Expect("You entered")
        .Expect("If that is right, press 1")
        .Press("1");

    /// <summary>Eligible: the first time available, waiting on the line until the offer.</summary>
    public static CallScript RequestUntilOffer() => CallScript.Empty
        .Expect("Next, when are you free?")
        .Expect("For the first time available, on any day, press 1")
        .Press("1")
        .Expect("Your first choice is the first time available")
        .Expect("To wait on the line for your time, press 1")
        .Press("1")
        .Expect("Your request is sent")
        .Expect("We have a time for you", OfferWithin)
        .Expect("We will hold it for you for")
        .Expect("To accept this time, press 1");

    /// <summary>A whole booking, from ring to the confirmation code and its menu.</summary>
    public static CallScript BookUntilCode(string birthDate = Hosting.LineFixture.EligibleBirthDate) => MainMenu()
        .Then(BirthDate(birthDate))
        .Then(RequestUntilOffer())
        .Press("1")
        .Expect("It is booked")
        .Expect("Your appointment is on")
        .Expect("Your confirmation code is")
        .Expect("To finish, press 4");

    /// <summary>Finish at a menu whose "finish" key is <paramref name="key"/>: goodbye, and the line hangs up.</summary>
    public static CallScript Finish(this CallScript script, string key = "4") => script
        .Press(key)
        .Expect("Thank you for calling. Goodbye.")
        .ExpectHangup();
}
