using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Tests.Support;
using PhoneBooking.Softphone.Transcripts;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Calls;

/// <summary>
/// Keys a caller types past the end of a Gather, against twilio.com/docs/voice/twiml/gather: numDigits ends the
/// Gather "once the caller enters the final digit", so later keys are not its own; they reach whatever the line
/// does next. finishOnKey pressed "before entering any other digits" is no input: the document goes on.
/// </summary>
public sealed class TypeAheadTests : EngineTest
{
    private const string BirthDate = """<Gather action="/date" numDigits="8" timeout="10"><Say>Please enter your date of birth with 8 digits. Then press pound.</Say></Gather>""";

    [Fact]
    public async Task NumDigits_EndsTheGather_KeysTypedOnReachTheNextGather()
    {
        Line.Twiml("/voice", Response("""<Gather action="/first" numDigits="2"/>"""));
        Line.Twiml("/first", Response("""<Gather action="/second"/>"""));
        Line.Twiml("/second", Response("<Hangup/>"));

        var run = await RunAsync(CallScript.Empty.Press("1234#"));

        Assert.True(run.Passed, run.ToString());
        Assert.Equal(("12", ""), (Line.To("/first")[0]["Digits"], Line.To("/first")[0]["FinishedOnKey"]));
        Assert.Equal(("34", "#"), (Line.To("/second")[0]["Digits"], Line.To("/second")[0]["FinishedOnKey"]));
    }

    [Fact]
    public async Task PoundAfterAnEightDigitDate_StopsTheReadBackAndCountsAsNoInput()
    {
        // The defect of issue 15 item 1, as Twilio plays it: told to press pound after 8 digits, the caller does.
        Line.Twiml("/voice", Response(BirthDate));
        Line.Twiml("/date", r => Response($"""<Gather action="/confirm" numDigits="1" actionOnEmptyResult="true"><Say>You entered March 23, 1950. If this is correct, press 1.</Say></Gather>"""));
        Line.Twiml("/confirm", r => Response($"<Say>Digits were '{r["Digits"]}'.</Say><Hangup/>"));

        var run = await RunAsync(CallScript.Empty.Expect("date of birth").Press("19500323").Press("#").Expect("You entered March 23"));

        Assert.False(run.Passed);
        Assert.EndsWith("last heard: \"Please enter your date of birth …\" | \"… (stopped before the first word)\" | \"Digits were ''.\"", run.Verdict.Reason, StringComparison.Ordinal);
        Assert.Equal("19500323", Assert.Single(Line.To("/date"))["Digits"]);
        Assert.Equal("", Assert.Single(Line.To("/confirm"))["Digits"]);
        Assert.Contains("… (stopped before the first word)", run.Call.Transcript.Heard);
        Assert.Contains(run.Call.Transcript.Entries, e => e.Kind == TranscriptKind.Note && e.Text.StartsWith("barge-in: key #", StringComparison.Ordinal));
        Assert.Contains(run.Call.Transcript.Entries, e => e.Text == "pressed # before any digit: Twilio takes it as no input");
    }

    [Fact]
    public async Task OnePressStepOrTwo_TypeTheSameKeys()
    {
        Line.Twiml("/voice", Response(BirthDate));
        Line.Twiml("/date", Response("""<Gather action="/confirm" numDigits="1"><Say>You entered March 23, 1950. If this is correct, press 1.</Say></Gather><Say>Sorry, I did not hear anything.</Say>"""));

        var together = await RunAsync(CallScript.Empty.Expect("date of birth").Press("19500323#").Expect("did not hear anything"));
        var apart = await RunAsync(CallScript.Empty.Expect("date of birth").Press("19500323").Press("#").Expect("did not hear anything"));

        Assert.True(together.Passed, together.ToString());
        Assert.True(apart.Passed, apart.ToString());
        Assert.Empty(Line.To("/confirm"));
        Assert.Equal(together.Call.Elapsed.TotalSeconds, apart.Call.Elapsed.TotalSeconds, precision: 0);
    }

    [Fact]
    public async Task PoundFirst_WithoutActionOnEmptyResult_FallsThroughAtOnce()
    {
        Line.Twiml("/voice", Response("""<Gather action="/code" timeout="10"/><Say>We did not receive any input.</Say>"""));

        var run = await RunAsync(CallScript.Empty.Press("#").Expect("did not receive any input"));

        Assert.True(run.Passed, run.ToString());
        Assert.Empty(Line.To("/code"));
        Assert.True(run.Call.Elapsed < TimeSpan.FromSeconds(10), $"the # ended the Gather at once, not after its timeout: {run.Call}");
    }

    [Theory]
    [InlineData("*")]
    [InlineData("9")]
    [InlineData("0")]
    public async Task StarNineOrZero_AtANumberEntry_AreDigitsSubmittedOnlyAfterTheTimeout(string key)
    {
        // Issue 15 item 7: a number entry (finishOnKey #, numDigits 8, timeout 10) takes * 9 0 as digits and waits for more.
        Line.Twiml("/voice", Response(BirthDate));
        Line.Twiml("/date", Response("<Say>Got it.</Say><Hangup/>"));

        var run = await RunAsync(CallScript.Empty.Expect("then press pound").Press(key).Expect("got it"));

        Assert.True(run.Passed, run.ToString());
        Assert.Equal((key, ""), (Line.To("/date")[0]["Digits"], Line.To("/date")[0]["FinishedOnKey"]));
        var entries = run.Call.Transcript.Entries;
        var pressed = Assert.Single(entries, e => e.Kind == TranscriptKind.Input);
        Assert.Equal($"pressed {key}, then 10 s without a key: the timeout ends the Gather", pressed.Text);
        var listening = Assert.Single(entries, e => e.Kind == TranscriptKind.Gather);
        Assert.InRange((pressed.At - listening.At).TotalSeconds, 10.2, 10.5);
    }

    [Fact]
    public async Task FinishOnKeyStar_StarFirst_IsNoInput_StarAfterDigitsSubmits()
    {
        Line.Twiml("/voice", Response("""<Gather action="/pin" finishOnKey="*" actionOnEmptyResult="true"/>"""));
        Line.Twiml("/pin", r => r["Digits"] == "" ? Response("""<Gather action="/pin" finishOnKey="*"/>""") : Response("<Hangup/>"));

        var run = await RunAsync(CallScript.Empty.Press("*").Press("42*"));

        Assert.True(run.Passed, run.ToString());
        Assert.Equal([("", ""), ("42", "*")], Line.To("/pin").Select(r => (r["Digits"], r["FinishedOnKey"])));
    }
}
