using PhoneBooking.EndToEnd.Tests.Hosting;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>Seniors booking by phone, whole calls through the softphone against the real scheduling API.</summary>
public sealed class BookingCallTests(LineFixture line) : IClassFixture<LineFixture>
{
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
        Assert.Equal("completed", run.Call.Status);
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
            .Expect("Your appointment is booked")
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
            .Expect("Enter your 8-digit confirmation code")
            // Today's line ends an 8-digit entry by itself and a # pressed after it reaches the next question as
            // "no input" (issue 15 item 1): press the # again when the line takes it as told.
            .Press(code)
            .Expect("Please enter your date of birth")
            .Press("19400704")
            .Expect("You entered July 4, 1940")
            .Press("1")
            .Expect("Your appointment is on")
            .Expect("To cancel this appointment, press 1")
            .Press("1")
            .Expect("To cancel your appointment, press 1")
            .Press("1")
            .Expect("Your appointment is cancelled")
            .Expect("To book a vaccine, press 1")
            .HangUp(), from: "+16135550104");

        cancel.AssertPassedCleanly();
    }
}
