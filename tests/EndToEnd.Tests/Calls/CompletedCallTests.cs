using System.Net;
using System.Xml.Linq;
using PhoneBooking.EndToEnd.Tests.Hosting;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>
/// A call Twilio said is over takes no more input and reveals nothing: the attack is a signed webhook of
/// that call replayed after its status callback said "completed" (captured, or retried late).
/// </summary>
public sealed class CompletedCallTests(LineFixture line) : IClassFixture<LineFixture>, IDisposable
{
    private readonly SignedPosts _posts = new(line.Line.BaseAddress);

    public void Dispose() => _posts.Dispose();

    [Theory]
    [InlineData("2", "a text of the booking", "+16135550601")]
    [InlineData("1", "the code read again", "+16135550603")]
    [InlineData("3", "another booking", "+16135550604")]
    public async Task Replay_AfterTheCallCompleted_BareHangUp_NoCodeNoText(string digits, string asked, string phone)
    {
        // One phone per case: the API keeps one booking per person, and each case books afresh.
        var booked = await line.CallAsync(Scripts.BookUntilCode().HangUp(), from: phone);
        booked.AssertPassedCleanly();
        var code = booked.Call.ConfirmationCode();
        Assert.Contains(booked.Call.Transcript.Webhooks, w => w.Purpose == "status callback"); // Twilio said: completed

        // The booked menu's own webhook, as Twilio signed it, with the key that would have done what the attacker wants.
        var menu = booked.Call.Transcript.Webhooks.Last(w => w.Body.Contains("To finish, press 4", StringComparison.Ordinal));
        var action = XDocument.Parse(menu.Body).Descendants("Gather").Single().Attribute("action")!.Value;
        var form = booked.Call.Transcript.Webhooks[0].Parameters.Where(p => p.Key is not "CallStatus")
            .Append(new("CallStatus", "in-progress")).Append(new("Digits", digits)).ToList();

        using var replay = await _posts.SendAsync(action, new FormUrlEncodedContent(form), _posts.Sign(action, form));
        var body = await replay.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True(XDocument.Parse(body).Root!.Elements().Select(e => e.Name.LocalName).SequenceEqual(["Hangup"]), $"{asked}: {body}");
        Assert.DoesNotContain(code[..4], body, StringComparison.Ordinal);
        Assert.DoesNotContain(line.Cloud.Ledger.Messages, m => m.To == phone);
    }

    [Fact]
    public async Task Replay_TheFirstWebhookAfterTheCallCompleted_NothingSaid()
    {
        var call = await line.CallAsync(Scripts.MainMenu().HangUp(), from: "+16135550602");
        call.AssertPassedCleanly();
        var first = call.Call.Transcript.Webhooks[0];
        var form = first.Parameters.ToList();

        using var replay = await _posts.SendAsync("voice", new FormUrlEncodedContent(form), _posts.Sign("voice", form));

        Assert.Equal(["Hangup"], XDocument.Parse(await replay.Content.ReadAsStringAsync()).Root!.Elements().Select(e => e.Name.LocalName));
    }
}
