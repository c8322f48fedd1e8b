using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Tests.Support;
using PhoneBooking.Softphone.Transcripts;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Calls;

public sealed class DialTests : EngineTest
{
    [Fact]
    public async Task Dial_ShowsWhoIsConnected_ThenTheActionGetsDialCallStatus()
    {
        Line.Twiml("/voice", Response("""<Say>Connecting you to an agent.</Say><Dial action="/dialled" timeout="20" callerId="+18005550100"><Number>+16135550199</Number></Dial>"""));
        Line.Twiml("/dialled", Response("<Say>The agent hung up.</Say>"));

        var (call, heard) = await ListenAsync();

        Assert.Contains(call.Transcript.Entries, e => e.Kind == TranscriptKind.Dial && e.Text.StartsWith("connecting to Number +16135550199 (timeout 20 s, callerId +18005550100)", StringComparison.Ordinal));
        var dialled = Assert.Single(Line.To("/dialled"));
        Assert.Equal(("completed", "10"), (dialled["DialCallStatus"], dialled["DialCallDuration"]));
        Assert.Matches("^CA[0-9a-f]{32}$", dialled["DialCallSid"]);
        Assert.NotEqual(call.CallSid, dialled["DialCallSid"]);
        Assert.Equal("The agent hung up.", heard[^1]);
    }

    [Theory]
    [InlineData("busy")]
    [InlineData("no-answer")]
    [InlineData("failed")]
    public async Task Dial_UnansweredParty_ActionGetsTheirStatusWithoutDuration(string status)
    {
        Line.Twiml("/voice", Response("""<Dial action="/dialled">+16135550199</Dial>"""));
        Line.Twiml("/dialled", Response("<Hangup/>"));

        await ListenAsync(Call() with { DialPolicy = DialPolicy.Always(new DialOutcome(status, TimeSpan.Zero)) });

        var dialled = Assert.Single(Line.To("/dialled"));
        Assert.Equal(status, dialled["DialCallStatus"]);
        Assert.False(dialled.Parameters.ContainsKey("DialCallDuration"));
    }

    [Fact]
    public async Task Dial_WithoutAction_GoesOnWithTheNextVerb()
    {
        Line.Twiml("/voice", Response("""<Dial><Sip>sip:agent@example.com</Sip></Dial><Say>Thanks for calling.</Say>"""));

        var (call, heard) = await ListenAsync();

        Assert.Equal(["Thanks for calling."], heard);
        Assert.Contains(call.Transcript.Entries, e => e.Text == "Sip sip:agent@example.com hung up");
    }
}
