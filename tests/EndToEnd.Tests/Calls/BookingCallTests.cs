using System.Text.RegularExpressions;
using PhoneBooking.EndToEnd.Tests.Hosting;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>Seniors booking by phone, whole calls through the softphone against the real scheduling API.</summary>
public sealed class BookingCallTests(LineFixture line) : IClassFixture<LineFixture>
{
    /// <summary>The demo sites as prompts/fr-CA.yaml writes them (a text) and says them (the voice).</summary>
    private static readonly Dictionary<string, string> FrenchSites = new(StringComparer.Ordinal)
    {
        ["Centre civique de North York"] = "Centre civique de North York",
        ["Clinique du Scarborough Town Centre"] = "Clinique du Scarborough Town Centre",
        ["Clinique communautaire du marché St. Lawrence"] = "Clinique communautaire du marché Saint-Laurent",
    };

    [Fact]
    public async Task Booking_FromRingToConfirmationCode_CodeReadAndTexted()
    {
        var run = await line.CallAsync(Scripts.BookUntilCode()
            .Press("2")
            .Expect("We sent you a text message")
            .Expect("To finish, press 4")
            .Finish(), from: "+16135550101");

        run.AssertPassedCleanly();
        var code = run.Call.ConfirmationCode();
        var text = Assert.Single(line.Cloud.Ledger.Messages, m => m.To == "+16135550101");
        Assert.Contains($"Confirmation code: {code[..4]} {code[4..]}.", text.Body, StringComparison.Ordinal);
        Assert.EndsWith("To cancel, call 555-010-0000.", text.Body, StringComparison.Ordinal); // the line's own number
        Assert.Equal("completed", run.Call.Status);
    }

    [Fact]
    public async Task Booking_InFrench_TheTextNamesTheSiteInFrenchAsTheVoiceDid()
    {
        var run = await line.CallAsync(CallScript.Empty
            .Expect("Pour le français, faites le 2")
            .Press("2")
            .Expect("Pour prendre rendez-vous, faites le 1")
            .Press("1")
            .Expect("Ensuite, faites le carré")
            .Press(LineFixture.EligibleBirthDate + "#")
            .Expect("Si c'est exact, faites le 1")
            .Press("1")
            .Expect("Pour la première place libre, peu importe le jour, faites le 1")
            .Press("1")
            .Expect("Pour rester en ligne en attendant une place, faites le 1")
            .Press("1")
            .Expect("Nous avons une place pour vous le", Scripts.OfferWithin)
            .Expect("Pour accepter, faites le 1")
            .Press("1")
            .Expect("Votre rendez-vous est le")
            .Expect("Pour les recevoir par texto, faites le 2")
            .Press("2")
            .Expect("Nous vous avons envoyé un texto.")
            .Expect("Pour terminer, faites le 4")
            .Press("4")
            .Expect("Au revoir.")
            .ExpectHangup(), from: "+15145550105");

        run.AssertPassedCleanly();
        var text = Assert.Single(line.Cloud.Ledger.Messages, m => m.To == "+15145550105");
        Assert.StartsWith("Rendez-vous de vaccination : ", text.Body, StringComparison.Ordinal);
        var written = Regex.Match(text.Body, "Endroit : (?<site>.+?)\\. Code").Groups["site"].Value;
        var spoken = Regex.Match(run.Call.Transcript.Heard.First(h => h.Contains("Votre rendez-vous est le", StringComparison.Ordinal)), "Endroit : (?<site>.+?)\\.").Groups["site"].Value;
        Assert.Equal(FrenchSites[written], spoken);
    }

    [Fact]
    public async Task Offer_DeclinedThenSecondOffer_SecondTimeIsAnotherWindowAndBooks()
    {
        var run = await line.CallAsync(Scripts.MainMenu()
            .Then(Scripts.BirthDate(LineFixture.EligibleBirthDate))
            .Then(Scripts.RequestUntilOffer())
            .Press("2")
            .Expect("All right. We will look for another time.")
            .Expect("We have a time for you", Scripts.OfferWithin)
            .Expect("To accept this time, press 1")
            .Press("1")
            .Expect("It is booked")
            .Expect("Your confirmation code is")
            .Finish(), from: "+16135550102");

        run.AssertPassedCleanly();
        var offers = run.Call.Transcript.Heard.Where(h => h.Contains("We have a time for you", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(2, offers.Count);
    }

    [Fact]
    public async Task Cancel_ByCodeAndBirthDate_BookingFromAnEarlierCallIsCancelled()
    {
        var booking = await line.CallAsync(Scripts.BookUntilCode("19400704").Finish(), from: "+16135550103");
        booking.AssertPassedCleanly();
        var code = booking.Call.ConfirmationCode();

        var cancel = await line.CallAsync(Scripts.MainMenu()
            .Press("2")
            .Expect("Enter your 8-digit confirmation code. Then press pound.")
            .Press(code + "#")
            .Expect("Please enter your date of birth")
            .Expect("Then press pound")
            .Press("19400704#")
            .Expect("You entered July 4, 1940")
            .Expect("If that is right, press 1")
            .Press("1")
            .Expect("Your appointment is on")
            .Expect("To cancel this appointment, press 1")
            .Press("1")
            .Expect("Are you sure? To cancel it, press 1")
            .Press("1")
            .Expect("is cancelled")
            .Expect("To book a new appointment, press 1. To finish, press 2.")
            .Finish("2"), from: "+16135550104");

        cancel.AssertPassedCleanly();
    }
}
