using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Tests.Support;
using PhoneBooking.Softphone.Transcripts;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Calls;

/// <summary>
/// Input while the line speaks. Inside a Gather (twilio.com/docs/voice/twiml/gather, "Nest other verbs": the
/// timeout begins "after the audio completes or when the caller presses their first key"; bargeIn, default
/// true, stops the media on input) the first key or utterance stops the prompt and is collected. Outside a
/// Gather nothing listens (support.twilio.com "Troubleshooting issues with Gather": keys pressed before the
/// Gather begins are not collected; nest the Say in the Gather).
/// </summary>
public sealed class BargeInTests : EngineTest
{
    private const string Language = """<Gather action="/menu" numDigits="1"><Say>For English, press 1. Pour le français, appuyez sur le 2.</Say></Gather>""";

    [Fact]
    public async Task KeyDuringANestedSay_StopsItThere_AndTheGatherTakesIt()
    {
        Line.Twiml("/voice", Response(Language));
        Line.Twiml("/menu", r => Response($"<Say>You chose {r["Digits"]}.</Say><Hangup/>"));

        var run = await RunAsync(CallScript.Empty.Expect("For English, press 1").Press("1").Expect("you chose 1"));

        Assert.True(run.Passed, run.ToString());
        Assert.Equal(["For English, press 1. …", "You chose 1."], run.Call.Transcript.Heard);
        var menu = run.Call.Transcript.Spoken[0];
        Assert.Equal((11, 4, true), (menu.Words, menu.WordsSaid, menu.Interrupted));
        Assert.Contains(run.Call.Transcript.Entries, e => e.Kind == TranscriptKind.Note && e.Text.StartsWith("barge-in: key 1 1.9 s into the prompt (4.4 s) stopped it", StringComparison.Ordinal)); // 4 words at 150 a minute (1.6 s), the key 0.25 s later
    }

    [Fact]
    public async Task BargeIn_TheCallsClockCountsOnlyWhatWasSaid()
    {
        Line.Twiml("/voice", Response(Language));
        Line.Twiml("/menu", Response("<Hangup/>"));

        var patient = await RunAsync(CallScript.Empty.Expect("appuyez sur le 2").Press("1"));
        var eager = await RunAsync(CallScript.Empty.Expect("press 1").Press("1"));

        // 11 words at 150 a minute: 4.4 s heard whole; "For English, press 1." is 4 words, 1.6 s, and the key 0.25 s later.
        Assert.InRange(patient.Call.Elapsed.TotalSeconds, 4.6, 5.0);
        Assert.InRange(eager.Call.Elapsed.TotalSeconds, 1.8, 2.2);
    }

    [Fact]
    public async Task PressWithNothingExpected_WaitsForThePromptToFinish()
    {
        Line.Twiml("/voice", Response(Language));
        Line.Twiml("/menu", Response("<Hangup/>"));

        var run = await RunAsync(CallScript.Empty.Press("2"));

        Assert.Equal("2", Line.To("/menu")[0]["Digits"]);
        Assert.Equal(["For English, press 1. Pour le français, appuyez sur le 2."], run.Call.Transcript.Heard);
    }

    [Fact]
    public async Task KeysDuringASayOutsideAGather_AreDropped()
    {
        Line.Twiml("/voice", Response("""<Say>Please enter your date of birth. Use 8 digits: month, day and year, then pound.</Say><Gather action="/date" timeout="5"/><Say>We did not get it.</Say>"""));

        var run = await RunAsync(CallScript.Empty.Expect("date of birth").Press("1950#").Expect("we did not get it"));

        Assert.True(run.Passed, run.ToString());
        Assert.Empty(Line.To("/date"));
        var dropped = run.Call.Transcript.Entries.Where(e => e.Kind == TranscriptKind.Note && e.Text.EndsWith("while no Gather listens: Twilio drops it", StringComparison.Ordinal));
        Assert.Equal(["key 1", "key 9", "key 5", "key 0", "key #"], dropped.Select(e => e.Text[..5]));
        Assert.Contains("Please enter your date of birth. Use 8 digits: month, day and year, then pound.", run.Call.Transcript.Heard);
    }

    [Fact]
    public async Task SpeechDuringANestedSay_StopsIt_AndIsRecognised()
    {
        Line.Twiml("/voice", Response("""<Gather input="dtmf speech" action="/said"><Say>Tell me what you need. For example, say book, or say cancel.</Say></Gather>"""));
        Line.Twiml("/said", Response("<Hangup/>"));

        var run = await RunAsync(CallScript.Empty.Expect("what you need").Say("book a vaccine"));

        Assert.Equal("book a vaccine", Assert.Single(Line.To("/said"))["SpeechResult"]);
        Assert.Equal(["Tell me what you need. …"], run.Call.Transcript.Heard);
    }

    [Fact]
    public async Task KeyDuringASpeechOnlyGathersPrompt_IsIgnored_AndThePromptGoesOn()
    {
        Line.Twiml("/voice", Response("""<Gather input="speech" action="/said" timeout="3"><Say>Please say your city, for example Ottawa.</Say></Gather><Say>Goodbye.</Say>"""));

        var run = await RunAsync(CallScript.Empty.Expect("your city").Press("5").Expect("goodbye"));

        Assert.True(run.Passed, run.ToString());
        Assert.Contains("Please say your city, for example Ottawa.", run.Call.Transcript.Heard);
        Assert.Contains(run.Call.Transcript.Entries, e => e.Text == "key 5 ignored: this Gather listens for speech only");
        Assert.Empty(Line.To("/said"));
    }

    [Fact]
    public async Task KeyTypedAheadIntoANestedPlay_StopsTheAudio()
    {
        Line.Twiml("/voice", Response("""<Gather action="/menu" numDigits="1"/>"""));
        Line.Twiml("/menu", Response("""<Gather action="/next" numDigits="1"><Play>https://example.org/menu.wav</Play></Gather>"""));
        Line.Twiml("/next", Response("<Hangup/>"));

        var run = await RunAsync(CallScript.Empty.Press("17"));

        Assert.Equal("7", Line.To("/next")[0]["Digits"]);
        var play = Assert.Single(run.Call.Transcript.Heard);
        Assert.Matches(@"^https://example\.org/menu\.wav \(stopped after 0\.[0-2] s of 5\.0 s\)$", play);
    }
}
