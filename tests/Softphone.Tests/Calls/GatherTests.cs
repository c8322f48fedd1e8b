using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Calls;

public sealed class GatherTests : EngineTest
{
    [Fact]
    public async Task Digits_ArePostedToTheAction_WithTheCallInProgress()
    {
        Line.Twiml("/voice", Response("""<Gather action="/menu" numDigits="1"><Say>For booking, press 1.</Say></Gather>"""));
        Line.Twiml("/menu", r => Response($"<Say>You chose {r["Digits"]}</Say>"));

        var run = await RunAsync(CallScript.Empty.Expect("press 1").Press("1").Expect("you chose 1"));

        Assert.True(run.Passed, run.ToString());
        var menu = Assert.Single(Line.To("/menu"));
        Assert.Equal(("1", "", "Gather End", "in-progress"), (menu["Digits"], menu["FinishedOnKey"], menu["msg"], menu["CallStatus"]));
        Assert.Equal(Line.To("/voice")[0]["CallSid"], menu["CallSid"]);
    }

    [Fact]
    public async Task FinishOnKey_EndsTheInput_AndIsNotPartOfDigits()
    {
        Line.Twiml("/voice", Response("""<Gather action="/date"><Say>Your birth date, then the pound key.</Say></Gather>"""));
        Line.Twiml("/date", Response("<Hangup/>"));

        await RunAsync(CallScript.Empty.Press("19450312#"));

        var date = Assert.Single(Line.To("/date"));
        Assert.Equal(("19450312", "#"), (date["Digits"], date["FinishedOnKey"]));
    }

    [Fact]
    public async Task FinishOnKeyStar_PoundIsAnOrdinaryKey()
    {
        Line.Twiml("/voice", Response("""<Gather action="/code" finishOnKey="*"/>"""));
        Line.Twiml("/code", Response("<Hangup/>"));

        await RunAsync(CallScript.Empty.Press("12#3*"));

        Assert.Equal(("12#3", "*"), (Line.To("/code")[0]["Digits"], Line.To("/code")[0]["FinishedOnKey"]));
    }

    [Fact]
    public async Task SilenceAfterSomeKeys_SubmitsWhatWasPressedAtTheTimeout()
    {
        Line.Twiml("/voice", Response("""<Gather action="/code" timeout="3"/>"""));
        Line.Twiml("/code", Response("<Hangup/>"));

        var run = await RunAsync(CallScript.Empty.Press("42"));

        Assert.Equal(("42", ""), (Line.To("/code")[0]["Digits"], Line.To("/code")[0]["FinishedOnKey"]));
        Assert.True(run.Call.Elapsed >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task NoInput_FallsThroughToTheNextVerb_WithoutRequestingTheAction()
    {
        Line.Twiml("/voice", Response("""<Gather action="/menu" timeout="4"><Say>Press a key.</Say></Gather><Say>We did not receive any input. Goodbye.</Say>"""));

        var run = await RunAsync(CallScript.Empty.Expect("press a key").Silence().Expect("did not receive any input").ExpectHangup());

        Assert.True(run.Passed, run.ToString());
        Assert.Empty(Line.To("/menu"));
        Assert.Contains(run.Call.Transcript.Entries, e => e.Text == "no input: Twilio falls through to the next verb");
        Assert.True(run.Call.Elapsed >= TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task ActionOnEmptyResult_PostsEmptyDigitsInstead()
    {
        Line.Twiml("/voice", Response("""<Gather action="/menu" actionOnEmptyResult="true"/><Say>not reached</Say>"""));
        Line.Twiml("/menu", Response("<Say>Let me repeat.</Say>"));

        var (call, heard) = await ListenAsync();

        Assert.Equal(["Let me repeat."], heard);
        var menu = Assert.Single(Line.To("/menu"));
        Assert.Equal(("", ""), (menu["Digits"], menu["FinishedOnKey"]));
        Assert.Equal(2, call.Transcript.Webhooks.Count);
    }

    [Fact]
    public async Task NoActionAttribute_PostsToTheCurrentDocumentUrl()
    {
        Line.Twiml("/voice", r => r.Parameters.TryGetValue("Digits", out var digits)
            ? Response($"<Say>Got {digits}</Say>")
            : Response("<Gather numDigits=\"1\"/>"));

        var run = await RunAsync(CallScript.Empty.Press("5").Expect("got 5"), Call("/voice?step=menu"));

        Assert.True(run.Passed, run.ToString());
        Assert.Equal(["ringing", "in-progress"], Line.To("/voice").Select(r => r["CallStatus"]));
        Assert.All(Line.To("/voice"), r => Assert.Equal("menu", r["step"]));
    }

    [Fact]
    public async Task Speech_IsPostedAsSpeechResultAndConfidence()
    {
        Line.Twiml("/voice", Response("""<Gather input="speech" action="/said" language="en-CA"><Say>Do you want to book? Say yes or no.</Say></Gather>"""));
        Line.Twiml("/said", Response("<Hangup/>"));

        await RunAsync(CallScript.Empty.Say("Yes please"));

        var said = Assert.Single(Line.To("/said"));
        Assert.Equal(("Yes please", "0.9"), (said["SpeechResult"], said["Confidence"]));
        Assert.False(said.Parameters.ContainsKey("Digits"));
    }

    [Fact]
    public async Task SpeechOnlyGather_IgnoresKeys_AndTimesOut()
    {
        Line.Twiml("/voice", Response("""<Gather input="speech" action="/said"/><Say>Sorry, I did not hear you.</Say>"""));

        var run = await RunAsync(CallScript.Empty.Press("1").Expect("did not hear you"));

        Assert.True(run.Passed, run.ToString());
        Assert.Empty(Line.To("/said"));
        Assert.Contains(run.Call.Transcript.Entries, e => e.Text == "key 1 ignored: this Gather listens for speech only");
    }

    [Fact]
    public async Task DtmfAndSpeech_TakesEither()
    {
        Line.Twiml("/voice", Response("""<Gather input="dtmf speech" numDigits="1" action="/first"/>"""));
        Line.Twiml("/first", Response("""<Gather input="dtmf speech" numDigits="1" action="/second"/>"""));
        Line.Twiml("/second", Response("<Hangup/>"));

        await RunAsync(CallScript.Empty.Press("2").Say("agent"));

        Assert.Equal("2", Line.To("/first")[0]["Digits"]);
        Assert.Equal("agent", Line.To("/second")[0]["SpeechResult"]);
    }

    [Fact]
    public async Task InvalidAttributes_AreReportedAsWarnings_AndTheCallGoesOn()
    {
        Line.Twiml("/voice", Response("""<Gather numDigits="zero" timeout="-5" action="/x"/><Say>After</Say>"""));

        var (call, heard) = await ListenAsync();

        Assert.Equal(["After"], heard);
        Assert.Equal([13313, 13314], call.Warnings.Select(w => w.Code).Order());
        Assert.Empty(call.Errors);
    }
}
