using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Calls;

public sealed class LiveCallTests : EngineTest
{
    [Fact]
    public async Task Redirect_FromOutside_InterruptsTheHoldMusic_AndRunsTheNewTwiml()
    {
        Line.Twiml("/voice", Response("""<Enqueue action="/after" waitUrl="/wait">agents</Enqueue>"""));
        Line.Twiml("/wait", Response("<Play>https://example.com/hold.mp3</Play>"));
        Line.Twiml("/agent", Response("<Say>An agent is on the line.</Say><Hangup/>"));

        var call = ListenAsync();
        var live = await EnqueueTests.UntilAsync(() => Engine.Queues.Find("agents") is { Size: 1 } ? Engine.Calls.All.Single() : null);
        Assert.True(live.Redirect(Line.Url("/agent"), HttpMethod.Post));
        var (result, heard) = await call;

        Assert.Equal("An agent is on the line.", heard[^1]);
        Assert.Equal(("in-progress", result.CallSid), (Line.To("/agent")[0]["CallStatus"], Line.To("/agent")[0]["CallSid"]));
        Assert.Empty(Line.To("/after"));
        Assert.Equal(0, Engine.Queues.Find("agents")!.Size);
        Assert.Null(Engine.Calls.Find(result.CallSid));
    }

    [Fact]
    public async Task InlineTwiml_FromOutside_ReplacesTheDocument()
    {
        Line.Twiml("/voice", Response("""<Enqueue waitUrl="/wait">agents</Enqueue>"""));
        Line.Twiml("/wait", Response("<Play>https://example.com/hold.mp3</Play>"));

        var call = ListenAsync();
        var live = await EnqueueTests.UntilAsync(() => Engine.Queues.Find("agents") is { Size: 1 } ? Engine.Calls.All.Single() : null);
        live.ExecuteTwiml(Response("<Say>Your callback is booked.</Say>"));
        var (result, heard) = await call;

        Assert.Equal("Your callback is booked.", heard[^1]);
        Assert.Equal(EndReason.DocumentEnded, result.EndReason);
    }

    [Fact]
    public async Task HangUp_FromOutside_EndsTheCall()
    {
        Line.Twiml("/voice", Response("""<Enqueue waitUrl="/wait">agents</Enqueue>"""));
        Line.Twiml("/wait", Response("<Play>https://example.com/hold.mp3</Play>"));

        var call = ListenAsync();
        var live = await EnqueueTests.UntilAsync(() => Engine.Queues.Find("agents") is { Size: 1 } ? Engine.Calls.All.Single() : null);
        live.HangUp();
        var (result, _) = await call;

        Assert.Equal(("completed", EndReason.EndedByApi), (result.Status, result.EndReason));
        Assert.False(live.Redirect(Line.Url("/voice"), HttpMethod.Post));
    }
}
