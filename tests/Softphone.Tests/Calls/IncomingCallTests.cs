using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using PhoneBooking.Softphone.Calls;
using Microsoft.AspNetCore.Http;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;
using PhoneBooking.Testing;

namespace PhoneBooking.Softphone.Tests.Calls;

public sealed class IncomingCallTests : EngineTest
{
    [Fact]
    public async Task Dial_FirstRequest_CarriesTwiliosStandardParameters()
    {
        Line.Twiml("/voice", Response("<Say>Welcome</Say>"));

        await ListenAsync(Call() with { From = "+16135550123", To = "+18005550100" });

        var request = Assert.Single(Line.To("/voice"));
        Assert.Equal("POST", request.Method);
        Assert.Matches("^CA[0-9a-f]{32}$", request["CallSid"]);
        Assert.Equal(SoftphoneOptions.LocalAccountSid, request["AccountSid"]);
        Assert.Equal(("+16135550123", "+16135550123", "+18005550100", "+18005550100"), (request["From"], request["Caller"], request["To"], request["Called"]));
        Assert.Equal(("ringing", "inbound", "2010-04-01"), (request["CallStatus"], request["Direction"], request["ApiVersion"]));
        Assert.Equal(("CA", "ON", "OTTAWA", ""), (request["FromCountry"], request["FromState"], request["FromCity"], request["FromZip"]));
        Assert.Equal(("CA", "CA"), (request["ToCountry"], request["CallerCountry"]));
    }

    [Fact]
    public async Task Dial_Signature_IsWhatTheLineComputesWithTheAuthToken()
    {
        Line.Twiml("/voice", Response("<Gather numDigits=\"1\" action=\"/menu?lang=en\"/>"));
        Line.Twiml("/menu", Response("<Hangup/>"));

        await RunAsync(CallScript.Empty.Press("1"));

        Assert.Equal(2, Line.Requests.Count);
        foreach (var request in Line.Requests)
        {
            Assert.Equal(TwilioSigner.Sign(SoftphoneOptions.LocalAuthToken, request.Url, request.Form), request.Signature);
            Assert.Equal(TwilioAlgorithm(SoftphoneOptions.LocalAuthToken, request.Url, request.Form), request.Signature);
            Assert.NotEqual(TwilioSigner.Sign("another-token", request.Url, request.Form), request.Signature);
        }
    }

    [Fact]
    public async Task Dial_GetVoiceUrl_SendsParametersInTheQueryAndSignsTheFullUrl()
    {
        Line.Twiml("/voice", Response("<Say>hi</Say>"));

        await ListenAsync(Call() with { VoiceUrl = Line.Url("/voice?line=main"), VoiceMethod = HttpMethod.Get });

        var request = Assert.Single(Line.Requests);
        Assert.Equal(("GET", "main", "ringing"), (request.Method, request["line"], request["CallStatus"]));
        Assert.Empty(request.Form);
        Assert.Equal(TwilioSigner.Sign(SoftphoneOptions.LocalAuthToken, request.Url, []), request.Signature);
    }

    [Fact]
    public async Task Say_LoopAndLanguage_AreHonoured()
    {
        Line.Twiml("/voice", Response("""<Say loop="2" language="fr-CA">Bonjour</Say><Say voice="Polly.Joanna">Hello</Say>"""));

        var (call, heard) = await ListenAsync();

        Assert.Equal(["Bonjour", "Bonjour", "Hello"], heard);
        Assert.Contains("Bonjour [fr-CA]", call.Transcript.Heard);
        Assert.Contains("Hello [en-US, Polly.Joanna]", call.Transcript.Heard);
    }

    [Fact]
    public async Task PlayAndPause_PassInVirtualTime_WithoutSleeping()
    {
        Line.Twiml("/voice", Response("<Play>https://example.com/welcome.mp3</Play><Pause length=\"600\"/><Say>Still there?</Say>"));
        var clock = Stopwatch.StartNew();

        var (call, heard) = await ListenAsync();

        Assert.Equal(["https://example.com/welcome.mp3", "Still there?"], heard);
        Assert.True(call.Elapsed >= TimeSpan.FromSeconds(605), $"call time {call.Elapsed}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"wall time {clock.Elapsed}");
        Assert.Contains(call.Transcript.Entries, e => e.Kind == Transcripts.TranscriptKind.Pause && e.Text == "600 s");
    }

    [Fact]
    public async Task Hangup_EndsTheCall_VerbsAfterItAreNotExecuted()
    {
        Line.Twiml("/voice", Response("<Say>Goodbye</Say><Hangup/><Say>never</Say>"));

        var (call, heard) = await ListenAsync();

        Assert.Equal(["Goodbye"], heard);
        Assert.Equal(("completed", EndReason.LineHungUp, true), (call.Status, call.EndReason, call.Answered));
    }

    [Fact]
    public async Task DocumentEnd_WithoutHangup_EndsTheCallAsTwilioDoes()
    {
        Line.Twiml("/voice", Response("<Say>Only this</Say>"));

        var (call, _) = await ListenAsync();

        Assert.Equal(("completed", EndReason.DocumentEnded), (call.Status, call.EndReason));
    }

    [Fact]
    public async Task StatusCallback_PostsCompletedWithTheAnsweredDuration()
    {
        Line.Twiml("/voice", Response("<Pause length=\"42\"/>"));
        Line.Respond("/status", null, "", 204);

        var (call, _) = await ListenAsync(Call() with { StatusCallbackUrl = Line.Url("/status") });

        var status = Assert.Single(Line.To("/status"));
        Assert.Equal((call.CallSid, "completed", "42", "call-progress-events", "0"), (status["CallSid"], status["CallStatus"], status["CallDuration"], status["CallbackSource"], status["SequenceNumber"]));
        Assert.EndsWith("+0000", status["Timestamp"], StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(status["Timestamp"], out _));
        Assert.Empty(call.Warnings);
    }

    [Theory]
    [InlineData("busy", "busy")]
    [InlineData("rejected", "no-answer")]
    public async Task Reject_AsFirstVerb_NeverAnswers_AndEndsBusyOrNoAnswer(string reason, string status)
    {
        Line.Twiml("/voice", Response($"<Reject reason=\"{reason}\"/><Say>never</Say>"));
        Line.Respond("/status", "text/xml", "<Response/>");

        var (call, heard) = await ListenAsync(Call() with { StatusCallbackUrl = Line.Url("/status") });

        Assert.Empty(heard);
        Assert.Equal((status, EndReason.Rejected, false, TimeSpan.Zero), (call.Status, call.EndReason, call.Answered, call.Duration));
        var callback = Assert.Single(Line.To("/status"));
        Assert.Equal((status, "0"), (callback["CallStatus"], callback["CallDuration"]));
    }

    [Fact]
    public async Task Cookies_SetByTheLine_ComeBackOnTheNextRequests()
    {
        Line.On("/voice", async (_, context) =>
        {
            context.Response.Headers.SetCookie = "session=abc123; Path=/";
            context.Response.ContentType = "text/xml";
            await context.Response.WriteAsync(Response("<Redirect>/next</Redirect>"));
        });
        Line.Twiml("/next", Response("<Hangup/>"));

        await ListenAsync();

        Assert.Equal("session=abc123", Assert.Single(Line.To("/next")).Cookie);
    }

    [Fact]
    public async Task HttpRedirect_IsFollowedAsGet_AndSignedForTheNewUrl()
    {
        Line.On("/voice", (_, context) =>
        {
            context.Response.Redirect("/moved?origin=voice");
            return Task.CompletedTask;
        });
        Line.Twiml("/moved", Response("<Say>Moved here</Say>"));

        var (call, heard) = await ListenAsync();

        Assert.Equal(["Moved here"], heard);
        var moved = Assert.Single(Line.To("/moved"));
        Assert.Equal(("GET", "voice", call.CallSid), (moved.Method, moved["origin"], moved["CallSid"]));
        Assert.Equal(TwilioSigner.Sign(SoftphoneOptions.LocalAuthToken, moved.Url, []), moved.Signature);
    }

    [Fact]
    public async Task Transcript_RecordsEachRequestWithItsLatency()
    {
        Line.Twiml("/voice", Response("<Redirect>/two</Redirect>"));
        Line.Twiml("/two", Response("<Say>Two</Say>"));

        var (call, _) = await ListenAsync();

        Assert.Collection(call.Transcript.Webhooks,
            w => Assert.Equal(("voice url", 200, "text/xml"), (w.Purpose, w.StatusCode!.Value, w.ContentType)),
            w => Assert.Equal(("redirect", 200, "POST"), (w.Purpose, w.StatusCode!.Value, w.Method)));
        Assert.All(call.Transcript.Webhooks, w => Assert.True(w.Latency > TimeSpan.Zero));
        Assert.Contains(call.Transcript.Entries, e => e.Kind == Transcripts.TranscriptKind.Response && e.Text.EndsWith(" ms", StringComparison.Ordinal));
    }

    /// <summary>Twilio's documented algorithm, written out independently of RequestValidator.</summary>
    private static string TwilioAlgorithm(string token, string url, IReadOnlyDictionary<string, string> form)
    {
        var data = url + string.Concat(form.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value));
#pragma warning disable CA5350 // Twilio signs with SHA-1.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data)));
#pragma warning restore CA5350
    }
}
