using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Scripts;

public sealed class ScriptedCallerTests : EngineTest
{
    private const string Menu = """<Gather numDigits="1" action="/menu" timeout="5"><Say>Welcome to the vaccine line. To book, press 1.</Say></Gather><Redirect>/voice</Redirect>""";

    [Fact]
    public async Task Script_FollowedToTheEnd_Passes()
    {
        Line.Twiml("/voice", Response(Menu));
        Line.Twiml("/menu", Response("<Say>Booking. Goodbye.</Say><Hangup/>"));

        var run = await RunAsync(CallScript.Parse("""
            expect "welcome to the vaccine line" within 5s
            expect "press 1"
            press 1
            expect "goodbye" within 10s
            expect-hangup within 1s
            """));

        Assert.True(run.Passed, run.ToString());
        Assert.Equal(EndReason.LineHungUp, run.Call.EndReason);
    }

    [Fact]
    public async Task PhraseNeverHeard_FailsAtItsLimit_AndHangsUp()
    {
        Line.Twiml("/voice", Response(Menu));

        var run = await RunAsync(CallScript.Empty.Expect("your booking is confirmed", TimeSpan.FromSeconds(20)));

        Assert.False(run.Passed);
        Assert.IsType<ExpectStep>(run.Verdict.FailedStep);
        Assert.Contains("not within 20s; last heard: \"Welcome to the vaccine line. To book, press 1.\"", run.Verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(EndReason.CallerHungUp, run.Call.EndReason);
        Assert.InRange(run.Call.Elapsed, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task CallEndingBeforeTheScript_Fails()
    {
        Line.Twiml("/voice", Response("<Say>We are closed.</Say><Hangup/>"));

        var run = await RunAsync(CallScript.Empty.Expect("closed").Press("1"));

        Assert.False(run.Passed);
        Assert.IsType<PressStep>(run.Verdict.FailedStep);
        Assert.StartsWith("the call ended first (completed, LineHungUp", run.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangupStep_HangsUpAsSoonAsItIsReached()
    {
        Line.Twiml("/voice", Response("<Say>One</Say><Say>Two</Say><Say>Three</Say>"));

        var run = await RunAsync(CallScript.Empty.Expect("two").HangUp());

        Assert.True(run.Passed, run.ToString());
        Assert.Equal(EndReason.CallerHungUp, run.Call.EndReason);
        Assert.DoesNotContain("Three", run.Call.Transcript.Heard);
    }

    [Fact]
    public async Task ExpectHangup_FailsWhenTheLineKeepsTalking()
    {
        Line.Twiml("/voice", Response(Menu));

        var run = await RunAsync(CallScript.Empty.ExpectHangup(TimeSpan.FromSeconds(15)));

        Assert.False(run.Passed);
        Assert.IsType<ExpectHangupStep>(run.Verdict.FailedStep);
    }

    [Fact]
    public async Task AfterTheLastStep_TheCallerLingersThenHangsUp()
    {
        Line.Twiml("/voice", Response(Menu));

        var run = await RunAsync(CallScript.Empty.Expect("welcome"));

        Assert.True(run.Passed, run.ToString());
        Assert.Equal(EndReason.CallerHungUp, run.Call.EndReason);
        Assert.InRange(run.Call.Elapsed, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task OneUtterance_CanSatisfySeveralExpectsInOrder()
    {
        Line.Twiml("/voice", Response("<Say>Press 1 to book. Press 2 to cancel.</Say><Hangup/>"));

        Assert.True((await RunAsync(CallScript.Empty.Expect("press 1").Expect("press 2").ExpectHangup())).Passed);
        Assert.False((await RunAsync(CallScript.Empty.Expect("press 2").Expect("press 1"))).Passed);
    }
}
