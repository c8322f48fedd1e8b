using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Callbacks;

/// <summary>Twilio's webhooks for an answered callback call: introduction, machine detection, the flow's entry, the message.</summary>
public sealed class CallbackEndpointsTests : IDisposable
{
    private const string Phone = "+15142223344";
    private readonly ManualTimeProvider _clock = new(DialerHost.Afternoon);
    private readonly DialerHost _line;

    public CallbackEndpointsTests() => _line = new DialerHost(_clock);

    public void Dispose() => _line.Dispose();

    [Fact]
    public async Task Answered_SaysWhoIsCallingFromWhichNumberThenWaitsForMachineDetection()
    {
        var (callback, call) = await DialAsync(CallbackKind.Agent);

        var twiml = await TwimlAsync(call["Url"], call.Sid!);

        var heard = SignedWebhooks.Heard(twiml);
        Assert.Contains("calling you back from", heard, StringComparison.Ordinal);
        Assert.Contains("never ask you for payment", heard, StringComparison.Ordinal);
        Assert.Equal($"/voice/outbound/continue?callback={callback.Id}&attempt=1&wait=0", twiml.Descendants("Redirect").Single().Value);
        Assert.Empty(twiml.Descendants("Gather"));
    }

    [Fact]
    public async Task Continue_MachineDetectionStillListening_PausesASecondAndAsksAgain()
    {
        var (callback, call) = await DialAsync(CallbackKind.Agent);
        await TwimlAsync(call["Url"], call.Sid!);

        var twiml = await TwimlAsync(ContinueUrl(callback, wait: 0), call.Sid!);

        Assert.Equal("1", twiml.Descendants("Pause").Single().Attribute("length")?.Value);
        Assert.Equal($"/voice/outbound/continue?callback={callback.Id}&attempt=1&wait=1", twiml.Descendants("Redirect").Single().Value);
    }

    [Fact]
    public async Task Continue_PersonAnsweredAgentCallback_QueuesForAnAgentWithTheHandoffRecorded()
    {
        var (callback, call) = await DialAsync(CallbackKind.Agent);
        await TwimlAsync(call["Url"], call.Sid!);
        await AmdAsync(call, "human");

        var twiml = await TwimlAsync(ContinueUrl(callback, wait: 0), call.Sid!);

        // Honest: the caller is connected to the queue, not promised a person who is already there.
        Assert.Contains("You asked to talk to a person. Please hold while we connect you.", SignedWebhooks.Heard(twiml), StringComparison.Ordinal);
        Assert.DoesNotContain("calling you back", SignedWebhooks.Heard(twiml), StringComparison.Ordinal);
        Assert.Single(twiml.Descendants("Enqueue"));
        var handoff = await _line.Services.GetRequiredService<IHandoffDesk>().GetAsync(call.Sid!, CancellationToken.None);
        Assert.NotNull(handoff);
        Assert.Equal((HandoffReason.CallbackToAgent, Phone), (handoff.Reason, handoff.Details.CallbackNumber));
        Assert.Equal(CallbackStatus.Answered, (await _line.GetAsync(callback.Id)).Status);
    }

    [Fact]
    public async Task Continue_PersonAnsweredReminder_StartsBookingAtTheBirthDate()
    {
        var (callback, call) = await DialAsync(CallbackKind.Reminder);
        await TwimlAsync(call["Url"], call.Sid!);
        await AmdAsync(call, "human");

        var twiml = await TwimlAsync(ContinueUrl(callback, wait: 0), call.Sid!);

        var heard = SignedWebhooks.Heard(twiml);
        Assert.Contains("Let's see if you can book now", heard, StringComparison.Ordinal);
        Assert.Contains("birth", heard, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/voice/input?turn=0", twiml.Descendants("Gather").Single().Attribute("action")?.Value);
    }

    [Fact]
    public async Task Continue_MachineAnswered_LeavesOnlyTheLinesNumberAndHangsUp()
    {
        var (callback, call) = await DialAsync(CallbackKind.Offer);
        await TwimlAsync(call["Url"], call.Sid!);
        await AmdAsync(call, "machine_end_beep");

        var twiml = await TwimlAsync(ContinueUrl(callback, wait: 0), call.Sid!);

        var heard = SignedWebhooks.Heard(twiml);
        Assert.Contains("Please call us back at", heard, StringComparison.Ordinal);
        Assert.DoesNotContain("time for you", heard, StringComparison.Ordinal);
        Assert.DoesNotContain("2223344", twiml.ToString(), StringComparison.Ordinal);
        Assert.Empty(twiml.Descendants("Gather"));
        Assert.Single(twiml.Descendants("Hangup"));
        Assert.Equal(CallbackStatus.Voicemail, (await _line.GetAsync(callback.Id)).Status);
    }

    [Fact]
    public async Task Amd_MachineRecognisedAfterTheFlowBegan_RedirectsTheCallToTheMessage()
    {
        var (callback, call) = await DialAsync(CallbackKind.Reminder);
        await TwimlAsync(call["Url"], call.Sid!);
        await TwimlAsync(ContinueUrl(callback, wait: 10), call.Sid!); // waited long enough: taken for a person

        await AmdAsync(call, "machine_end_beep");

        var redirect = Assert.Single(_line.Twilio.Requests, r => r.Resource == $"{call.Sid}.json");
        var machineUrl = $"http://localhost/voice/outbound/machine?callback={callback.Id}&attempt=1";
        Assert.Equal(machineUrl, redirect["Url"]);
        var twiml = await TwimlAsync(machineUrl, call.Sid!);
        Assert.Contains("Please call us back at", SignedWebhooks.Heard(twiml), StringComparison.Ordinal);
        Assert.Equal(CallbackStatus.Voicemail, (await _line.GetAsync(callback.Id)).Status);
    }

    [Fact]
    public async Task Amd_MachineAfterTheMessageWasChosen_DoesNotRedirectAgain()
    {
        var (callback, call) = await DialAsync(CallbackKind.Agent);
        await TwimlAsync(call["Url"], call.Sid!);
        await AmdAsync(call, "machine_end_beep");
        await TwimlAsync(ContinueUrl(callback, wait: 0), call.Sid!);

        await AmdAsync(call, "machine_end_beep");

        Assert.DoesNotContain(_line.Twilio.Requests, r => r.Resource == $"{call.Sid}.json");
    }

    [Fact]
    public async Task Webhook_BadSignature_Is403AndChangesNothing()
    {
        var (callback, call) = await DialAsync(CallbackKind.Agent);
        var hooks = new SignedWebhooks(_line.Client, call.Sid!);

        using var response = await hooks.PostAsync(new Uri(call["StatusCallback"]).PathAndQuery, hooks.Fields(("CallStatus", "no-answer")), signature: "bm90IGEgc2lnbmF0dXJl");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(CallbackStatus.Calling, (await _line.GetAsync(callback.Id)).Status);
    }

    [Theory]
    [InlineData("/voice/outbound/status?attempt=1")]
    [InlineData("/voice/outbound/status?callback=a_b&attempt=1")]
    [InlineData("/voice/outbound/status?callback=abc&attempt=0")]
    [InlineData("/voice/outbound?callback=abc")]
    public async Task Webhook_MalformedCallbackOrAttempt_IsAClear400(string path)
    {
        using var response = await _line.PostAsync(path, "CA" + new string('0', 32), ("CallStatus", "ringing"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_UnknownCallback_HangsUpPolitelyNot500()
    {
        var twiml = await TwimlAsync("/voice/outbound?callback=CA0-agent-0&attempt=1", "CA" + new string('1', 32));

        Assert.Single(twiml.Descendants("Hangup"));
    }

    private async Task<(CallbackRequest Callback, TwilioRequest Call)> DialAsync(CallbackKind kind)
    {
        var callback = DialerHost.Callback(Phone, kind, requestId: kind == CallbackKind.Offer ? "br_9" : null, dueOn: kind == CallbackKind.Reminder ? new DateOnly(2026, 11, 23) : null);
        await _line.SaveAsync(callback);
        await _line.OfferMadeAsync("br_9");
        await _line.PassAsync();
        return (callback, Assert.Single(_line.Twilio.Calls));
    }

    private static string ContinueUrl(CallbackRequest callback, int wait) => $"/voice/outbound/continue?callback={callback.Id}&attempt=1&wait={wait}";

    private async Task AmdAsync(TwilioRequest call, string answeredBy)
    {
        using var response = await _line.PostAsync(new Uri(call["AsyncAmdStatusCallback"]).PathAndQuery, call.Sid!, ("AnsweredBy", answeredBy));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private async Task<XDocument> TwimlAsync(string url, string callSid)
    {
        using var response = await _line.PostAsync(new Uri(new Uri("http://localhost"), url).PathAndQuery, callSid);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
