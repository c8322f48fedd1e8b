using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.AgentConsole.Switches;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Prompts.Speech;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Handoffs;

/// <summary>
/// The way to a person after the call flow hands over: the queue's hold loop in the caller's language,
/// "press 1 to keep your place", how the wait ends, and a dial-through to the call centre.
/// </summary>
public sealed class AgentLineTests : FaultyApiTest
{
    private const string Phone = "+14165550123";

    [Fact]
    public async Task Wait_AnnouncesPlaceAndExpectedWaitInTheCallersLanguage_NoOfferYet()
    {
        await using var line = Start();
        var call = await ToAPersonAsync(line, language: "2");

        var wait = await WaitAsync(call, position: 3, waited: 30, average: 150);

        var expected = line.Text("agent.queue.position", "fr-CA", new Dictionary<string, SpeechValue> { ["position"] = SpeechValue.Count(3) })
            + " " + line.Text("agent.queue.minutes", "fr-CA", new Dictionary<string, SpeechValue> { ["minutes"] = SpeechValue.Minutes(2) });
        Assert.Equal(expected, SignedWebhooks.Heard(wait));
        Assert.Empty(wait.Descendants("Gather"));
        Assert.Equal($"{AgentLineTwiml.HoldPauseSeconds}", Assert.Single(wait.Descendants("Pause")).Attribute("length")?.Value);
    }

    [Theory]
    [InlineData(0, 60, "agent.queue.next")] // first round: the place
    [InlineData(15, 60, "agent.queue.thanks")] // next round: thanks, not the same words again
    [InlineData(150, 60, "agent.queue.next")] // waited past the average: no minutes that would be wrong
    public async Task Wait_RoundByRound_PlaceThenThanks_NeverAStaleEstimate(int waited, int average, string expected)
    {
        await using var line = Start();
        var call = await ToAPersonAsync(line);

        var wait = await WaitAsync(call, position: 1, waited, average);

        Assert.Equal(line.Text(expected), SignedWebhooks.Heard(wait).Split(line.Text("agent.queue.callback_offer"))[0].Trim());
        Assert.DoesNotContain("The wait is about", SignedWebhooks.Heard(wait), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_BeforeALanguageWasChosen_BothLanguages()
    {
        await using var line = Start();
        var call = line.NewCall();
        await call.DialAsync();
        await call.PressAsync("0");

        var wait = await WaitAsync(call, position: 1, waited: 0, average: 0);

        Assert.Equal(line.Text("agent.queue.next") + " " + line.Text("agent.queue.next", "fr-CA"), SignedWebhooks.Heard(wait));
    }

    [Theory]
    [InlineData(119, false)]
    [InlineData(120, true)]
    public async Task Wait_FromTheConfiguredTime_OffersToKeepThePlaceAndBeCalledBack(int waited, bool offered)
    {
        await using var line = Start();
        var call = await ToAPersonAsync(line);

        var wait = await WaitAsync(call, position: 2, waited, average: 60);

        Assert.Equal(offered, wait.Descendants("Gather").Any(g => g.Attribute("action")?.Value == "/voice/queue/callback"));
        Assert.Equal(offered, SignedWebhooks.Heard(wait).Contains(line.Text("agent.queue.callback_offer"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wait_OnACallTheLinePlaced_NeverOffersAnotherCallBack()
    {
        await using var line = Start();
        var call = await ToAPersonAsync(line);

        var wait = await call.TwimlAsync("/voice/queue/wait", call.Fields(("Direction", "outbound-api"), ("QueuePosition", "1"), ("QueueTime", "600"), ("AvgQueueTime", "60")));

        Assert.Empty(wait.Descendants("Gather"));
    }

    [Fact]
    public async Task CallbacksSwitchedOff_NeitherTheQueueNorTheApologyOffersACallBack()
    {
        await using var line = Start();
        var call = await ToAPersonAsync(line);
        await line.Services.GetRequiredService<StoredSwitchBoard>().SetAsync(LineFeature.Callbacks, off: true, "sam", CancellationToken.None);

        var wait = await WaitAsync(call, position: 2, waited: 600, average: 60);
        var sorry = await QueueEndedAsync(call, "queue-full");

        Assert.Empty(wait.Descendants("Gather"));
        Assert.DoesNotContain(line.Text("agent.queue.callback_offer"), SignedWebhooks.Heard(wait), StringComparison.Ordinal);
        Assert.Empty(sorry.Descendants("Gather"));
    }

    [Fact]
    public async Task PressOne_SavesTheCallBackAndLeavesTheQueue_ThenTheQueueActionConfirmsAndHangsUp()
    {
        await using var line = Start();
        var call = await ToAPersonAsync(line);

        var left = await call.TwimlAsync("/voice/queue/callback", call.Fields(("Digits", "1")));

        Assert.Equal(["Leave"], left.Root!.Elements().Select(e => e.Name.LocalName));
        var callback = await CallbackAsync(line, call);
        Assert.Equal((CallbackKind.Agent, Phone, HandoffReason.CallerAsked), (callback.Kind, callback.Phone, callback.Handoff));
        Assert.Equal(HandoffStatus.CallbackRequested, (await HandoffAsync(line, call)).Status);

        var confirmed = await QueueEndedAsync(call, "leave");

        Assert.Contains(line.Text("agent.queue.callback_confirmed", arguments: PhoneArgument), SignedWebhooks.Heard(confirmed), StringComparison.Ordinal);
        Assert.Equal("Hangup", confirmed.Root!.Elements().Last().Name.LocalName);
    }

    [Fact]
    public async Task AnotherKey_KeepsHoldingAndSavesNothing()
    {
        await using var line = Start();
        var call = await ToAPersonAsync(line);

        var holding = await call.TwimlAsync("/voice/queue/callback", call.Fields(("Digits", "7")));

        Assert.Equal("/voice/queue/wait", Assert.Single(holding.Descendants("Redirect")).Value);
        Assert.Null(await line.Services.GetRequiredService<ICallbackRequests>().GetAsync(CallbackRequest.IdFor(call.CallSid, CallbackKind.Agent, 0), CancellationToken.None));
        Assert.Equal(HandoffStatus.Waiting, (await HandoffAsync(line, call)).Status);
    }

    [Theory]
    [InlineData("queue-full")]
    [InlineData("error")]
    [InlineData("system-error")]
    public async Task QueueFailed_ApologisesAndOffersACallBack_PressOneSavesIt(string queueResult)
    {
        await using var line = Start();
        var call = await ToAPersonAsync(line);

        var sorry = await QueueEndedAsync(call, queueResult);

        AssertCallBackOffered(line, sorry);
        Assert.Contains(line.Text("agent.unavailable"), SignedWebhooks.Heard(sorry), StringComparison.Ordinal);
        var confirmed = await call.TwimlAsync("/voice/agent/callback", call.Fields(("Digits", "1")));
        Assert.Contains(line.Text("agent.queue.callback_confirmed", arguments: PhoneArgument), SignedWebhooks.Heard(confirmed), StringComparison.Ordinal);
        Assert.Equal(CallbackKind.Agent, (await CallbackAsync(line, call)).Kind);
    }

    [Fact]
    public async Task CallerHangsUpInTheQueue_HandoffAbandoned_NoLongerOpen()
    {
        await using var line = Start();
        var call = await ToAPersonAsync(line);

        var ended = await QueueEndedAsync(call, "hangup");

        Assert.Empty(ended.Root!.Elements());
        Assert.Equal(HandoffStatus.Abandoned, (await HandoffAsync(line, call)).Status);
        Assert.DoesNotContain(await line.Services.GetRequiredService<IHandoffDesk>().OpenAsync(CancellationToken.None), h => h.CallSid == call.CallSid);
    }

    [Fact]
    public async Task AgentHangsUpAfterTalking_Goodbye()
    {
        await using var line = Start();
        var call = await ToAPersonAsync(line);

        var ended = await QueueEndedAsync(call, "bridged");

        Assert.Equal(line.Text("goodbye"), SignedWebhooks.Heard(ended));
        Assert.Single(ended.Descendants("Hangup"));
    }

    [Fact]
    public async Task NoCallerId_NoCallBackIsOffered_ItCouldNotBeMade()
    {
        await using var line = Start();
        var call = line.NewCall(from: "anonymous");
        await call.DialAsync();
        await call.PressAsync("0");

        var wait = await WaitAsync(call, position: 1, waited: 600, average: 60);
        var sorry = await QueueEndedAsync(call, "queue-full");

        Assert.Empty(wait.Descendants("Gather"));
        Assert.Empty(sorry.Descendants("Gather"));
        Assert.Contains(line.Text("agent.unavailable"), SignedWebhooks.Heard(sorry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentNumberSet_DialsThroughInsteadOfQueueing_NoAnswerOffersACallBack()
    {
        await using var line = Start(("Line:AgentNumber", "+14165550100"));
        var call = line.NewCall();
        await call.DialAsync();

        var transfer = await call.PressAsync("0");

        Assert.Empty(transfer.Descendants("Enqueue"));
        var dial = Assert.Single(transfer.Descendants("Dial"));
        Assert.Equal(("/voice/agent/dialed", "+14165550100"), (dial.Attribute("action")?.Value, dial.Element("Number")?.Value));
        AssertCallBackOffered(line, await call.TwimlAsync("/voice/agent/dialed", call.Fields(("DialCallStatus", "no-answer"))));
        // No language was chosen before 0: the goodbye is said in both.
        Assert.Equal(line.Text("goodbye") + " " + line.Text("goodbye", "fr-CA"), SignedWebhooks.Heard(await call.TwimlAsync("/voice/agent/dialed", call.Fields(("DialCallStatus", "completed")))));
    }

    [Fact]
    public async Task AgentSipSet_DialsTheSipAddress()
    {
        await using var line = Start(("Line:AgentSip", "sip:agents@pbx.example.org"));
        var call = line.NewCall();
        await call.DialAsync();

        var transfer = await call.PressAsync("0");

        Assert.Equal("sip:agents@pbx.example.org", Assert.Single(transfer.Descendants("Sip")).Value);
    }

    [Fact]
    public async Task OverflowSet_QueueFull_OffersTheCallBackThenPutsTheCallerThrough()
    {
        await using var line = Start(("Line:OverflowNumber", "+14165550199"));
        var call = await ToAPersonAsync(line);

        var sorry = await QueueEndedAsync(call, "queue-full");

        AssertCallBackOffered(line, sorry);
        Assert.Equal("+14165550199", Assert.Single(sorry.Descendants("Dial")).Value);
    }

    private static Dictionary<string, SpeechValue> PhoneArgument => new() { ["phone"] = SpeechValue.Phone(Phone) };

    private LineWithFaultyApi Start(params (string Key, string Value)[] settings) =>
        LineWithFaultyApi.Start(Api, Data.Path, settings: settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    /// <summary>Chooses a language, then asks for a person: the line records the handoff and queues the call.</summary>
    private static async Task<SignedWebhooks> ToAPersonAsync(LineWithFaultyApi line, string language = "1")
    {
        var call = line.NewCall();
        await call.DialAsync();
        await call.PressAsync(language);
        var queued = await call.PressAsync("0");
        var enqueue = Assert.Single(queued.Descendants("Enqueue"));
        Assert.Equal(("/voice/queue/result", "/voice/queue/wait"), (enqueue.Attribute("action")?.Value, enqueue.Attribute("waitUrl")?.Value));
        return call;
    }

    private static Task<XDocument> WaitAsync(SignedWebhooks call, int position, int waited, int average) => call.TwimlAsync(
        "/voice/queue/wait",
        call.Fields(("QueuePosition", $"{position}"), ("QueueTime", $"{waited}"), ("AvgQueueTime", $"{average}"), ("CurrentQueueSize", "5"), ("QueueSid", "QU0123")));

    private static Task<XDocument> QueueEndedAsync(SignedWebhooks call, string queueResult) =>
        call.TwimlAsync("/voice/queue/result", call.Fields(("QueueResult", queueResult), ("QueueTime", "130"), ("QueueSid", "QU0123")));

    private static void AssertCallBackOffered(LineWithFaultyApi line, XDocument twiml)
    {
        var gather = Assert.Single(twiml.Descendants("Gather"));
        Assert.Equal(("/voice/agent/callback", "1"), (gather.Attribute("action")?.Value, gather.Attribute("numDigits")?.Value));
        Assert.Contains(line.Text("agent.unavailable.callback_offer"), gather.Value, StringComparison.Ordinal);
    }

    private static async Task<CallbackRequest> CallbackAsync(LineWithFaultyApi line, SignedWebhooks call) =>
        (await line.Services.GetRequiredService<ICallbackRequests>().GetAsync(CallbackRequest.IdFor(call.CallSid, CallbackKind.Agent, 0), CancellationToken.None))?.Request
        ?? throw new Xunit.Sdk.XunitException("No agent call back was saved.");

    private static async Task<Handoff> HandoffAsync(LineWithFaultyApi line, SignedWebhooks call) =>
        (await line.Services.GetRequiredService<IHandoffDesk>().GetAsync(call.CallSid, CancellationToken.None))!;
}
