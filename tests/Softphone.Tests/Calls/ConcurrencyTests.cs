using System.Diagnostics;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Calls;

public sealed class ConcurrencyTests : EngineTest
{
    [Fact]
    public async Task ManyScriptedCalls_RunAtOnce_WithoutSleepingThroughTheirTimeouts()
    {
        Line.Twiml("/voice", Response("""<Gather numDigits="1" action="/menu" timeout="10"><Say>Welcome. Press 1.</Say></Gather><Redirect>/voice</Redirect>"""));
        Line.Twiml("/menu", r => Response($"<Pause length=\"20\"/><Say>You pressed {r["Digits"]}. Goodbye.</Say><Hangup/>"));
        var script = CallScript.Empty.Expect("welcome").Silence().Expect("press 1").Press("1").Expect("goodbye").ExpectHangup();
        var clock = Stopwatch.StartNew();

        var runs = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => RunAsync(script)));

        Assert.All(runs, run => Assert.True(run.Passed, run.ToString()));
        Assert.Equal(300, runs.Select(r => r.Call.CallSid).Distinct().Count());
        Assert.All(runs, run => Assert.True(run.Call.Elapsed >= TimeSpan.FromSeconds(30)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"300 calls took {clock.Elapsed}");
        Assert.Equal(900, Line.Requests.Count);
    }
}
