using System.Net;
using System.Xml.Linq;
using PhoneBooking.EndToEnd.Tests.Hosting;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Testing;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>What Twilio (or someone pretending to be it) may send that no caller would: the line stays up and says something sensible.</summary>
public sealed class RobustnessTests(LineFixture line) : IClassFixture<LineFixture>, IDisposable
{
    private readonly SignedPosts _posts = new(line.Line.BaseAddress);

    public void Dispose() => _posts.Dispose();

    [Fact]
    public async Task Replay_SameSignedSubmitWebhook100TimesAtOnce_OneBookingRequest()
    {
        var before = await line.BookingRequestCountAsync();
        var collected = await line.Phone.RunScriptAsync(line.Dial("+16135550401") with { StatusCallbackUrl = null }, Scripts.MainMenu()
            .Then(Scripts.BirthDate(LineFixture.EligibleBirthDate))
            .Expect("For the first time available, on any day, press 1")
            .Press("1")
            .Expect("To wait on the line for your time, press 1")
            .HangUp());
        collected.AssertPassedCleanly();

        // The caller's "1" to wait on the line (which submits), as Twilio signs it: no timestamp, so a replay verifies too.
        var last = collected.Call.Transcript.Webhooks[^1];
        var action = XDocument.Parse(last.Body).Descendants("Gather").Single().Attribute("action")!.Value;
        var form = collected.Call.Transcript.Webhooks[0].Parameters.Where(p => p.Key is not "CallStatus").Append(new("CallStatus", "in-progress")).Append(new("Digits", "1")).ToList();
        var signature = _posts.Sign(action, form);

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await _posts.SendAsync(action, new FormUrlEncodedContent(form), signature);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        // Every replay hears where the call now is; if not, the line's warnings say why (a timeout hands the caller to a person).
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.True(answers.All(a => XDocument.Parse(a.Body).Root!.Value.Contains("We are looking for a time for you", StringComparison.Ordinal)), line.LineWarnings());
        Assert.Single(answers, a => a.Body.Contains("Your request is sent", StringComparison.Ordinal));
        Assert.Equal(before + 1, await line.BookingRequestCountAsync());
    }

    [Theory]
    [InlineData("no CallSid", "voice", "")]
    [InlineData("CallSid with a path in it", "voice", "CA../../etc")]
    [InlineData("CallSid far too long", "voice", "CAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("input without CallSid", "voice/input?turn=1", "")]
    [InlineData("status without CallSid", "voice/status", "")]
    public async Task BadForm_Signed_ProblemDetails400(string why, string path, string callSid)
    {
        var form = SignedPosts.Form(callSid).Where(f => f.Value.Length > 0).ToList();

        using var response = await _posts.PostAsync(path, form);

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{why}: HTTP {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NotAForm_SignedJson_400NotA500()
    {
        var signature = _posts.Sign("voice", []);

        using var response = await _posts.SendAsync("voice", new StringContent("""{"CallSid":"CA123"}""", System.Text.Encoding.UTF8, "application/json"), signature);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("turn=abc")]
    [InlineData("turn=99999999999999999999")]
    [InlineData("turn=-1")]
    public async Task BadTurn_OnALiveCall_NeverA500(string query)
    {
        var callSid = NewCallSid();
        using (var answered = await _posts.PostAsync("voice", SignedPosts.Form(callSid, ("CallStatus", "ringing"))))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        using var response = await _posts.PostAsync($"voice/input?{query}", SignedPosts.Form(callSid, ("Digits", "1")));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"HTTP {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("Response", XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Name.LocalName);
        }
    }

    [Fact]
    public async Task Unsigned_OrSignedWithAnotherToken_403()
    {
        var form = SignedPosts.Form(NewCallSid(), ("CallStatus", "ringing"));
        var forged = TwilioSigner.Sign("someone-elses-token", line.Line.Url("voice").ToString(), form);

        using var unsigned = await _posts.SendAsync("voice", new FormUrlEncodedContent(form), signature: null);
        using var wrong = await _posts.SendAsync("voice", new FormUrlEncodedContent(form), forged);

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("12")]
    [InlineData("abc")]
    [InlineData("٣")]
    [InlineData("1;DROP TABLE call_sessions")]
    [InlineData("<Hangup/>")]
    public async Task GarbageDigits_AtTheLanguageMenu_SorryAndTheMenuAgain(string digits)
    {
        var callSid = NewCallSid();
        using var answered = await _posts.PostAsync("voice", SignedPosts.Form(callSid, ("CallStatus", "ringing")));
        var action = XDocument.Parse(await answered.Content.ReadAsStringAsync()).Descendants("Gather").Single().Attribute("action")!.Value;

        using var response = await _posts.PostAsync(action, SignedPosts.Form(callSid, ("Digits", digits)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", twiml.Root!.Name.LocalName);
        Assert.Contains("Sorry, I did not understand that.", twiml.Root.Value, StringComparison.Ordinal);
        Assert.Contains("For English, press 1.", twiml.Root.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarbageDigits_ThreeTimesAtTheBirthDate_HelpThenAPerson_APoundNeverCounted()
    {
        var run = await line.CallAsync(Scripts.MainMenu()
            .Press("1")
            .Expect("Please enter your date of birth")
            .Expect("Then press pound")
            .Press("19999999#")
            .Expect("Sorry, I did not understand that.")
            .Expect("For example, for March 5, 1950")
            .Expect("then pound")
            .Press("#")
            .Expect("Please enter your date of birth") // a key, not silence: the question again, no apology
            .Expect("Then press pound")
            .Press("20991231#")
            .Expect("Sorry, I did not understand that.")
            .Expect("then pound")
            .Press("1234#")
            .Expect("Let's get you some help. Please hold for a person.")
            .Expect("You are next in line")
            .HangUp(), from: "+16135550402");

        run.AssertPassedCleanly();
        Assert.DoesNotContain(run.Call.Transcript.Heard, h => h.Contains("did not hear anything", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownCallSid_AtTheInputUrl_CallStartsOver()
    {
        var run = await line.Phone.RunScriptAsync(line.Dial("+16135550403", path: "voice/input?turn=7"), Scripts.MainMenu().HangUp());

        run.AssertPassedCleanly();
    }

    [Fact]
    public async Task UnknownCallSid_StatusCallback_204()
    {
        using var response = await _posts.PostAsync("voice/status", SignedPosts.Form(NewCallSid(), ("CallStatus", "completed"), ("CallDuration", "-5")));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBody_DeclaredOrStreamed_413AndTheLineStillAnswers()
    {
        var form = SignedPosts.Form(NewCallSid(), ("CallStatus", "ringing"), ("Padding", new string('x', 100 * 1024)));
        var signature = _posts.Sign("voice", form);
        var bytes = await new FormUrlEncodedContent(form).ReadAsByteArrayAsync();

        var declared = await OversizedAsync(() => new ByteArrayContent(bytes) { Headers = { ContentType = new("application/x-www-form-urlencoded") } }, signature);
        var chunked = await OversizedAsync(() => new ChunkedContent(bytes), signature);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked);
        var run = await line.CallAsync(Scripts.MainMenu().HangUp(), from: "+16135550404");
        run.AssertPassedCleanly();
    }

    /// <summary>
    /// The server answers before reading all of an oversized upload and closes the connection, so the
    /// client may lose the answer to a reset while still sending (the transport, not the app): ask again.
    /// </summary>
    private async Task<HttpStatusCode> OversizedAsync(Func<HttpContent> content, string signature)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await _posts.SendAsync("voice", content(), signature, expectContinue: true);
                return response.StatusCode;
            }
            catch (HttpRequestException) when (attempt < 5)
            {
            }
        }
    }

    private static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");

    /// <summary>Hides the length, so the body arrives chunked and the limit must be enforced while reading.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _body;

        public ChunkedContent(byte[] body)
        {
            _body = body;
            Headers.ContentType = new("application/x-www-form-urlencoded");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
