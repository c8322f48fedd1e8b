using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Calls;

public sealed class EnqueueTests : EngineTest
{
    private const string Enqueue = """<Enqueue action="/after" waitUrl="/wait">agents</Enqueue><Say>Back in the document</Say>""";

    [Fact]
    public async Task WaitUrl_PlaysRoundAfterRound_UntilLeave_ThenTheActionGetsQueueResult()
    {
        Line.Twiml("/voice", Response(Enqueue));
        var rounds = 0;
        Line.Twiml("/wait", r => ++rounds < 3 ? Response($"<Say>You are number {r["QueuePosition"]} in line.</Say>") : Response("<Leave/>"));
        Line.Twiml("/after", r => Response($"<Say>You left the queue: {r["QueueResult"]}</Say>"));

        var (call, heard) = await ListenAsync();

        Assert.Equal(["You are number 1 in line.", "You are number 1 in line.", "You left the queue: leave"], heard);
        var waits = Line.To("/wait");
        Assert.Equal(3, waits.Count);
        Assert.All(waits, w =>
        {
            Assert.Equal(("1", "1", "1000", call.CallSid, "in-progress"), (w["QueuePosition"], w["CurrentQueueSize"], w["MaxQueueSize"], w["CallSid"], w["CallStatus"]));
            Assert.Matches("^QU[0-9a-f]{32}$", w["QueueSid"]);
            Assert.True(int.Parse(w["QueueTime"], System.Globalization.CultureInfo.InvariantCulture) >= 0);
            Assert.Equal("0", w["AvgQueueTime"]);
        });
        var after = Assert.Single(Line.To("/after"));
        Assert.Equal(("leave", waits[0]["QueueSid"]), (after["QueueResult"], after["QueueSid"]));
        Assert.Equal(0, Engine.Queues.Find("agents")!.Size);
    }

    [Fact]
    public async Task NoAction_AfterLeave_GoesOnWithTheNextVerb()
    {
        Line.Twiml("/voice", Response("""<Enqueue waitUrl="/wait">agents</Enqueue><Say>Back in the document</Say>"""));
        Line.Twiml("/wait", Response("<Leave/>"));

        var (_, heard) = await ListenAsync();

        Assert.Equal(["Back in the document"], heard);
    }

    [Fact]
    public async Task AgentTakesTheCall_ThenHangsUp_TheActionGetsBridged()
    {
        Line.Twiml("/voice", Response(Enqueue));
        Line.Twiml("/wait", Response("<Play>https://example.com/hold.mp3</Play>"));
        Line.Twiml("/after", r => Response($"<Say>Queue result {r["QueueResult"]}</Say>"));

        var call = ListenAsync();
        var member = await UntilAsync(() => Engine.Queues.Find("agents")?.TryBridgeFront("CA00000000000000000000000000000099"));
        member.EndBridge();
        var (result, heard) = await call;

        Assert.Equal(result.CallSid, member.CallSid);
        Assert.Contains(result.Transcript.Entries, e => e.Text == "an agent took the call (CA00000000000000000000000000000099)");
        Assert.Equal("Queue result bridged", heard[^1]);
        Assert.Equal("bridged", Assert.Single(Line.To("/after"))["QueueResult"]);
    }

    [Fact]
    public async Task AgentCallDialsTheQueue_BridgesTheCallerAtTheFront()
    {
        Line.Twiml("/voice", Response(Enqueue));
        Line.Twiml("/wait", Response("<Play>https://example.com/hold.mp3</Play>"));
        Line.Twiml("/after", r => Response($"<Say>Queue result {r["QueueResult"]}</Say>"));
        Line.Twiml("/agent", Response("""<Dial action="/agent-done"><Queue>agents</Queue></Dial>"""));
        Line.Twiml("/agent-done", Response("<Hangup/>"));

        var caller = ListenAsync();
        await UntilAsync(() => Engine.Queues.Find("agents") is { Size: 1 } ? "" : null);
        var (agent, _) = await ListenAsync(Call("/agent"));
        var (callerResult, heard) = await caller;

        var done = Assert.Single(Line.To("/agent-done"));
        Assert.Equal(("completed", "10"), (done["DialCallStatus"], done["DialCallDuration"]));
        Assert.Contains(agent.Transcript.Entries, e => e.Text == $"dequeued {callerResult.CallSid} from queue agents");
        Assert.Equal("Queue result bridged", heard[^1]);
    }

    [Fact]
    public async Task CallerHangsUpOnHold_TheActionIsToldHangup()
    {
        Line.Twiml("/voice", Response(Enqueue));
        Line.Twiml("/wait", r => Response($"<Say>You are number {r["QueuePosition"]}.</Say><Pause length=\"20\"/>"));
        Line.Twiml("/after", Response("<Say>ignored</Say>"));

        var run = await RunAsync(CallScript.Empty.Expect("you are number 1").HangUp());

        Assert.True(run.Passed, run.ToString());
        Assert.Equal(EndReason.CallerHungUp, run.Call.EndReason);
        Assert.Equal("hangup", Assert.Single(Line.To("/after"))["QueueResult"]);
        Assert.DoesNotContain("ignored", run.Call.Transcript.Heard);
    }

    [Fact]
    public async Task GatherInTheWaitMusic_WithInput_RunsItsActionInsideTheQueue_WhereLeaveWorks()
    {
        Line.Twiml("/voice", Response(Enqueue));
        Line.Twiml("/wait", Response("""<Gather numDigits="1" action="/callback" timeout="3"><Say>To be called back instead, press 1.</Say></Gather>"""));
        Line.Twiml("/callback", Response("<Say>We will call you back.</Say><Leave/>"));
        Line.Twiml("/after", r => Response($"<Say>Queue result {r["QueueResult"]}</Say><Hangup/>"));

        var run = await RunAsync(CallScript.Empty.Expect("called back instead").Press("1").Expect("we will call you back").Expect("Queue result leave"));

        Assert.True(run.Passed, run.ToString());
        Assert.Equal("1", Assert.Single(Line.To("/callback"))["Digits"]);
        Assert.Equal("leave", Assert.Single(Line.To("/after"))["QueueResult"]);
        Assert.Equal(0, Engine.Queues.Find("agents")!.Size);
    }

    [Fact]
    public async Task RedirectInTheWaitMusic_ChangesTheWaitUrl()
    {
        Line.Twiml("/voice", Response(Enqueue));
        Line.Twiml("/wait", Response("<Say>Thank you for waiting.</Say><Redirect>/wait/later</Redirect>"));
        Line.Twiml("/wait/later", Response("<Leave/>"));
        Line.Twiml("/after", Response("<Hangup/>"));

        await ListenAsync();

        Assert.Single(Line.To("/wait"));
        var later = Assert.Single(Line.To("/wait/later"));
        Assert.Equal("1", later["QueuePosition"]);
        Assert.Equal("leave", Assert.Single(Line.To("/after"))["QueueResult"]);
    }

    [Fact]
    public async Task WaitUrlFails_LeavesWithQueueResultError()
    {
        Line.Twiml("/voice", Response(Enqueue));
        Line.Respond("/wait", "text/xml", "oops", 500);
        Line.Twiml("/after", r => Response($"<Say>Queue result {r["QueueResult"]}</Say>"));

        var (call, heard) = await ListenAsync();

        Assert.Equal(["Queue result error"], heard);
        Assert.Equal(11200, Assert.Single(call.Errors).Code);
    }

    internal static async Task<T> UntilAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var i = 0; i < 500; i++)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the condition never came true");
    }
}
