using PhoneBooking.IvrHost.CallFlow;
using static PhoneBooking.IvrHost.Tests.CallFlow.CallFlowTestData;

namespace PhoneBooking.IvrHost.Tests.Admission;

/// <summary>The call flow of a caller the full line turned away, and of the call back we place later: the machine alone.</summary>
public sealed class BusyFlowTests
{
    private static readonly CallSession Turned = new() { CallSid = "CA0123456789abcdef0123456789abcdef", CallerId = "+14165550123" };

    [Fact]
    public void Start_LineBusy_WelcomesAndOffersTheCallBackInEveryLanguage_NoPersonWhenAgentsAreFull()
    {
        var step = Machine.Start(Turned with { AgentsFull = true }, CallEntry.LineBusy, Context);

        Assert.Equal(CallState.LineBusy, step.Session.State);
        Assert.Equal(["welcome", "busy.intro", "busy.menu"], step.Ids());
        Assert.All(step.Say, line => Assert.True(line.EveryLocale));
        Assert.IsType<Listening>(step.Next);
    }

    [Fact]
    public void Start_LineBusy_AgentsHaveRoom_OffersAPersonToo()
    {
        var step = Machine.Start(Turned, CallEntry.LineBusy, Context);

        Assert.Equal(["welcome", "busy.intro", "busy.menu_person"], step.Ids());
    }

    [Fact]
    public void Zero_AgentsFull_SaysSoAndAsksAgain_NeverAPerson()
    {
        var door = Machine.Start(Turned with { AgentsFull = true }, CallEntry.LineBusy, Context);

        var zero = door.Session.Press("0");

        Assert.Equal(CallState.LineBusy, zero.Session.State);
        Assert.Equal(["busy.no_person", "busy.menu"], zero.Ids());
        Assert.IsType<Listening>(zero.Next);
    }

    [Fact]
    public void Zero_WhileTypingTheNumber_AgentsFull_SaysSoAndAsksForTheNumberAgain()
    {
        var typing = At(CallState.EnterPhone, s => s with { Purpose = Purpose.LineBusy, AgentsFull = true, CallerId = null });

        var zero = typing.Press("0");

        Assert.Equal(CallState.EnterPhone, zero.Session.State);
        Assert.Equal(["busy.no_person", "book.phone.ask"], zero.Ids());
    }

    [Fact]
    public void ThreeBadNumbers_AgentsFull_GoodbyeInsteadOfAPerson()
    {
        var step = At(CallState.EnterPhone, s => s with { Purpose = Purpose.LineBusy, AgentsFull = true, CallerId = null }).Type("5550#");
        step = step.Session.Type("5550#");
        step = step.Session.Type("5550#");

        Assert.Equal(CallState.Goodbye, step.Session.State);
        Assert.IsType<HangUp>(step.Next);
        Assert.DoesNotContain(step.Events, e => e is HandedOff);
    }

    [Fact]
    public void Start_BusyCallback_IntroducesTheCallAndSaysWhyThenTheMainMenu()
    {
        var callee = new CallSession { CallSid = "CA1", CallerId = "+14165550123", CallbackNumber = "+14165550123", Locale = "fr-CA", LanguageChosen = true };

        var step = Machine.Start(callee, CallEntry.BusyCallback, Context);

        Assert.Equal(CallState.MainMenu, step.Session.State);
        Assert.Equal(["callback.intro", "callback.busy", "help.keys", "menu.main"], step.Ids());
    }
}
