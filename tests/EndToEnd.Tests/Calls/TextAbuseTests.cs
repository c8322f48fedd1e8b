using PhoneBooking.EndToEnd.Tests.Hosting;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>
/// The reproduction of issue 12: type a premium (900) or Caribbean (+1 876) number as the call-back
/// number, book, press 2 for the text five times. Before: five Messages.json requests to that number.
/// Now: none, and the caller is told kindly each time. And to an ordinary number, one text however
/// often 2 is pressed.
/// </summary>
public sealed class TextAbuseTests(LineFixture line) : IClassFixture<LineFixture>
{
    [Theory]
    [InlineData("9005551234", "anonymous", "premium-rate")]
    [InlineData("8762345678", "anonymous", "country-not-allowed")]
    public async Task Text_ToANumberTheLineNeverTexts_RefusedKindlyFiveTimes_NoMessage(string typed, string from, string reason)
    {
        var script = BookWithCallBackNumber(typed);
        for (var i = 0; i < 5; i++)
        {
            script = script
                .Press("2")
                .Expect("Sorry, we cannot send a text message to this number. Please write down your confirmation code instead.")
                .Expect("Your confirmation code is");
        }

        var run = await line.CallAsync(script.Expect("To finish, press 4").Finish(), from);

        run.AssertPassedCleanly();
        Assert.DoesNotContain(line.Cloud.Ledger.Messages, m => m.To == "+1" + typed);
        Assert.Equal(5, line.Line.Logs.Records.Count(r => r.EventId.Name == "TextRefused" && Equals(r.Properties["Reason"], reason)));
        Assert.DoesNotContain(line.Line.Logs.Records, r => r.EventId.Name == "TextRefused" && r.Message.Contains(typed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_PressTwoFiveTimes_OneMessage()
    {
        var script = Scripts.BookUntilCode()
            .Press("2")
            .Expect("We sent you a text message");
        for (var i = 0; i < 4; i++)
        {
            script = script
                .Press("2")
                .Expect("We already sent you a text message. It can take a few minutes to arrive.");
        }

        var run = await line.CallAsync(script.Expect("To finish, press 4").Finish(), from: "+16135550163");

        run.AssertPassedCleanly();
        Assert.Single(line.Cloud.Ledger.Messages, m => m.To == "+16135550163");
    }

    /// <summary>
    /// Caller ID withheld, so the line asks for a number when the caller waits on the line: type it, confirm
    /// it, then book to the code. (With a caller ID the text goes to that number; a typed one is only asked
    /// for a call back or when there is none.)
    /// </summary>
    private static CallScript BookWithCallBackNumber(string typed) => Scripts.MainMenu()
        .Then(Scripts.BirthDate(LineFixture.EligibleBirthDate))
        .Expect("For the first time available, on any day, press 1")
        .Press("1")
        .Expect("To wait on the line for your time, press 1")
        .Press("1")
        .Expect("Enter your 10-digit phone number")
        .Press(typed + "#")
        .Expect("We will call you at")
        .Expect("If that is right, press 1")
        .Press("1")
        .Expect("Your request is sent")
        .Expect("We have a time for you", Scripts.OfferWithin)
        .Expect("To accept this time, press 1")
        .Press("1")
        .Expect("It is booked")
        .Expect("Your confirmation code is")
        .Expect("To finish, press 4");
}
