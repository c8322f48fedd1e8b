using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Tests.Calls;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Cloud;

public sealed class CallUpdateTests : CloudTest
{
    private string CallUrl(string sid) => $"/2010-04-01/Accounts/{SoftphoneOptions.LocalAccountSid}/Calls/{sid}.json";

    [Fact]
    public async Task UpdateUrl_RedirectsTheLiveCall()
    {
        Line.Twiml("/outbound", Response("""<Enqueue waitUrl="/wait">callbacks</Enqueue>"""));
        Line.Twiml("/wait", Response("<Play>https://example.com/hold.mp3</Play>"));
        Line.Twiml("/agent", Response("<Say>You are now connected to an agent.</Say><Hangup/>"));

        var created = await CreateCallAsync(("Url", Line.Url("/outbound").AbsoluteUri));
        await EnqueueTests.UntilAsync(() => Engine.Queues.Find("callbacks") is { Size: 1 } ? "" : null);
        var (status, body) = await PostAsync(CallUrl(created.Sid), ("Url", Line.Url("/agent").AbsoluteUri), ("Method", "POST"));
        var call = await created.Completion;

        Assert.Equal((200, "in-progress"), (status, body.GetProperty("status").GetString()));
        Assert.Equal(created.Sid, Assert.Single(Line.To("/agent"))["CallSid"]);
        Assert.Equal("You are now connected to an agent.", call.Transcript.Heard[^1]);
        Assert.Equal(EndReason.LineHungUp, call.EndReason);
    }

    [Fact]
    public async Task UpdateUrl_WorksOnCallsDialledIntoTheLineToo()
    {
        Line.Twiml("/voice", Response("""<Enqueue waitUrl="/wait">agents</Enqueue>"""));
        Line.Twiml("/wait", Response("<Play>https://example.com/hold.mp3</Play>"));
        Line.Twiml("/agent", Response("<Say>Transferred.</Say>"));

        var dialled = ListenAsync();
        var live = await EnqueueTests.UntilAsync(() => Engine.Queues.Find("agents") is { Size: 1 } ? Engine.Calls.All.Single() : null);
        var (status, _) = await PostAsync(CallUrl(live.CallSid), ("Url", Line.Url("/agent").AbsoluteUri));
        var (_, heard) = await dialled;

        Assert.Equal(200, status);
        Assert.Equal("Transferred.", heard[^1]);
    }

    [Fact]
    public async Task UpdateStatusCompleted_EndsTheCall()
    {
        Line.Twiml("/outbound", Response("""<Enqueue waitUrl="/wait">callbacks</Enqueue>"""));
        Line.Twiml("/wait", Response("<Play>https://example.com/hold.mp3</Play>"));

        var created = await CreateCallAsync(("Url", Line.Url("/outbound").AbsoluteUri));
        await EnqueueTests.UntilAsync(() => Engine.Queues.Find("callbacks") is { Size: 1 } ? "" : null);
        var (status, _) = await PostAsync(CallUrl(created.Sid), ("Status", "completed"));
        var call = await created.Completion;

        Assert.Equal(200, status);
        Assert.Equal(("completed", EndReason.EndedByApi), (call.Status, call.EndReason));
    }

    [Fact]
    public async Task UpdateUrl_OnAFinishedCall_Is21220()
    {
        Line.Twiml("/outbound", Response("<Hangup/>"));
        var created = await CreateCallAsync(("Url", Line.Url("/outbound").AbsoluteUri));
        await created.Completion;

        var (status, body) = await PostAsync(CallUrl(created.Sid), ("Url", Line.Url("/agent").AbsoluteUri));

        Assert.Equal((400, 21220), (status, body.GetProperty("code").GetInt32()));
        Assert.Equal("Call is not in-progress. Cannot redirect.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Update_UnknownCall_Is404With20404()
    {
        var (status, body) = await PostAsync(CallUrl("CA0123456789abcdef0123456789abcdef"), ("Status", "completed"));

        Assert.Equal((404, 20404, 404), (status, body.GetProperty("code").GetInt32(), body.GetProperty("status").GetInt32()));
        Assert.Equal("https://www.twilio.com/docs/errors/20404", body.GetProperty("more_info").GetString());
    }
}
