using PhoneBooking.IvrHost.CallFlow;
using static PhoneBooking.IvrHost.Tests.CallFlow.CallFlowTestData;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

public sealed class CallFlowMachineTests
{
    [Fact]
    public void Start_NewCaller_WelcomesThenAsksLanguage()
    {
        var step = Machine.Start(At(CallState.Language), CallEntry.NewCaller);

        Assert.Equal(CallState.Language, step.Session.State);
        Assert.Equal(["welcome"], step.Preamble.Select(p => p.Id));
    }

    [Fact]
    public void Start_ReturningCallerWithOpenRequest_OffersToContinue()
    {
        var step = Machine.Start(At(CallState.Language, s => s with { ResumableCallSid = "CAold", RequestId = "br_1" }), CallEntry.ReturningCaller);

        Assert.Equal(CallState.Resume, step.Session.State);
        Assert.Equal(["welcome"], step.Preamble.Select(p => p.Id));
    }

    [Fact]
    public void Start_OfferCallbackAnswered_IntroducesTheLineThenFetchesTheOffer()
    {
        var step = Machine.Start(At(CallState.Language, s => s with { RequestId = "br_1" }), CallEntry.OfferCallback);

        Assert.Equal(CallState.CheckStatus, step.Session.State);
        Assert.True(Machine.NeedsWork(step.Session));
        Assert.Equal(["callback.intro", "callback.offer_ready"], step.Preamble.Select(p => p.Id));
    }

    [Fact]
    public void Start_AnsweringMachine_LeavesOnlyTheGenericMessage()
    {
        var step = Machine.Start(At(CallState.Language), CallEntry.AnsweringMachine);

        Assert.Equal(CallState.Voicemail, step.Session.State);
        Assert.Equal(["callback.machine"], ((EndState)Machine.Flow[CallState.Voicemail]).Prompts);
    }

    [Theory]
    [InlineData(CallState.MainMenu)]
    [InlineData(CallState.BirthDate)]
    [InlineData(CallState.Offer)]
    public void Handle_Star_RepeatsSameStateWithoutCountingAFailure(CallState state)
    {
        var session = At(state, s => s with { Failures = 1, Offer = SampleOffer });

        var step = Machine.Handle(session, CallInput.Of("*"), Context);

        Assert.Equal(state, step.Session.State);
        Assert.Equal(1, step.Session.Failures);
        Assert.Equal(session.Turn + 1, step.Session.Turn);
        Assert.Empty(step.Preamble);
    }

    [Theory]
    [InlineData(CallState.Language)]
    [InlineData(CallState.BirthDate)]
    [InlineData(CallState.EnterPhone)]
    [InlineData(CallState.Booked)]
    public void Handle_Zero_GoesToAPersonBecauseTheCallerAsked(CallState state)
    {
        var step = Machine.Handle(At(state), CallInput.Of("0"), Context);

        Assert.Equal(CallState.Agent, step.Session.State);
        Assert.Equal(HandoffReason.CallerAsked, step.Session.Handoff);
        Assert.Equal(["agent.transfer"], step.Preamble.Select(p => p.Id));
    }

    [Fact]
    public void Handle_Nine_SlowsSpeechAndStaysPut()
    {
        var step = Machine.Handle(At(CallState.MainMenu), CallInput.Of("9"), Context);

        Assert.True(step.Session.SlowSpeech);
        Assert.Equal(CallState.MainMenu, step.Session.State);
        Assert.Equal(["speech.slower"], step.Preamble.Select(p => p.Id));
    }

    [Fact]
    public void Handle_NoInput_ApologisesAndCountsAFailure()
    {
        var step = Machine.Handle(At(CallState.MainMenu), CallInput.None, Context);

        Assert.Equal(CallState.MainMenu, step.Session.State);
        Assert.Equal(1, step.Session.Failures);
        Assert.Equal(["input.no_input"], step.Preamble.Select(p => p.Id));
    }

    [Fact]
    public void Handle_InvalidKey_ApologisesDifferentlyFromSilence()
    {
        var step = Machine.Handle(At(CallState.MainMenu), CallInput.Of("7"), Context);

        Assert.Equal(["input.invalid"], step.Preamble.Select(p => p.Id));
        Assert.Equal(1, step.Session.Failures);
    }

    [Fact]
    public void Handle_ThirdFailureAtOneStep_GoesToAPersonNeverHangsUp()
    {
        var session = At(CallState.BirthDate);
        session = Machine.Handle(session, CallInput.Of("12345"), Context).Session;
        session = Machine.Handle(session, CallInput.None, Context).Session;

        var step = Machine.Handle(session, CallInput.Of("99999999"), Context);

        Assert.Equal(CallState.Agent, step.Session.State);
        Assert.Equal(HandoffReason.RepeatedInputFailures, step.Session.Handoff);
        Assert.Equal(["input.too_many"], step.Preamble.Select(p => p.Id));
    }

    [Fact]
    public void Handle_ValidInputAfterFailures_ResetsTheCount()
    {
        var session = At(CallState.MainMenu, s => s with { Failures = 2 });

        var step = Machine.Handle(session, CallInput.Of("1"), Context);

        Assert.Equal(CallState.BirthDate, step.Session.State);
        Assert.Equal(0, step.Session.Failures);
    }

    [Fact]
    public void Handle_EveryAppliedInput_AdvancesTheTurn()
    {
        var step = Machine.Handle(At(CallState.MainMenu, s => s with { Turn = 4 }), CallInput.Of("1"), Context);

        Assert.Equal(5, step.Session.Turn);
    }

    [Fact]
    public void Complete_BackendFailedInAnyTask_GoesToAPersonInTheSameStep()
    {
        var step = Machine.Complete(At(CallState.SubmitRequest), new BackendFailed("timeout"), Context);

        Assert.Equal(CallState.Agent, step.Session.State);
        Assert.Equal(HandoffReason.BackendFailed, step.Session.Handoff);
        Assert.Equal(["system.error.handoff"], step.Preamble.Select(p => p.Id));
        Assert.Equal("timeout", step.Trigger);
    }

    [Fact]
    public void Complete_UnexpectedOutcome_GoesToAPersonRatherThanGuessing()
    {
        var step = Machine.Complete(At(CallState.CheckEligibility), new Saved(), Context);

        Assert.Equal(CallState.Agent, step.Session.State);
    }

    [Fact]
    public void Handle_InputInATaskState_IsAProgrammingError()
    {
        Assert.Throws<InvalidOperationException>(() => Machine.Handle(At(CallState.SubmitRequest), CallInput.Of("1"), Context));
    }
}
