using PhoneBooking.IvrHost.CallFlow;
using static PhoneBooking.IvrHost.Tests.CallFlow.CallFlowTestData;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

/// <summary>The rules every prompt shares: repeat, a person, slower, spoken answers, entries, and what missed answers lead to.</summary>
public sealed class CallFlowMachineTests
{
    [Fact]
    public void Start_NewCaller_WelcomesAndOffersTheLanguagesInEveryLanguage()
    {
        var step = Machine.Start(new CallSession { CallSid = "CAnew" }, CallEntry.NewCaller, Context);

        Assert.Equal(CallState.Language, step.Session.State);
        Assert.Equal(["welcome", "language.choose"], step.Ids());
        Assert.All(step.Say, line => Assert.True(line.EveryLocale));
    }

    [Fact]
    public void Start_IncidentSet_AnnouncedRightAfterTheWelcome()
    {
        var step = Machine.Start(new CallSession { CallSid = "CAnew" }, CallEntry.NewCaller, Context with { Incident = "Sites close at noon." });

        Assert.Equal(["welcome", "welcome.incident", "language.choose"], step.Ids());
        Assert.False(step.Say[1].EveryLocale);
    }

    [Fact]
    public void Start_ReturningCaller_ChoosesTheLanguageFirstAndHearsNothingOfTheEarlierCall()
    {
        var step = Machine.Start(new CallSession { CallSid = "CAnew", ResumableCallSid = "CAold" }, CallEntry.ReturningCaller, Context);
        var chosen = step.Session.Press("1");

        Assert.Equal(CallState.Language, step.Session.State);
        Assert.Equal(CallState.Resume, chosen.Session.State);
        Assert.Equal(["help.keys", "resume.offer"], chosen.Ids());
    }

    [Fact]
    public void Start_OfferCallbackAnswered_IntroducesTheLineThenFetchesTheOffer()
    {
        var step = Machine.Start(At(CallState.Language, s => s with { RequestId = "br_1" }), CallEntry.OfferCallback, Context);

        Assert.Equal(CallState.CheckStatus, step.Session.State);
        Assert.True(step.NeedsWork);
        Assert.Equal(["callback.intro", "callback.offer_ready"], step.Ids());
    }

    [Fact]
    public void Start_AnsweringMachine_LeavesOnlyTheGenericMessageAndHangsUp()
    {
        var step = Machine.Start(At(CallState.Language), CallEntry.AnsweringMachine, Context);

        Assert.Equal(["callback.machine"], step.Ids());
        Assert.IsType<HangUp>(step.Next);
    }

    [Theory]
    [InlineData(CallState.MainMenu)]
    [InlineData(CallState.BirthDate)]
    [InlineData(CallState.Offer)]
    public void Handle_Star_RepeatsSameStateWithoutCountingAFailure(CallState state)
    {
        var session = At(state, s => s with { Failures = 1, Offer = SampleOffer });

        var step = session.Press("*");

        Assert.Equal(state, step.Session.State);
        Assert.Equal(1, step.Session.Failures);
        Assert.Equal(session.Turn + 1, step.Session.Turn);
        Assert.Equal(Machine.Current(session with { Failures = 0 }, Context).Ids(), step.Ids());
        Assert.DoesNotContain(step.Events, e => e is InputMissed);
    }

    [Theory]
    [InlineData(CallState.ConfirmBirthDate)]
    [InlineData(CallState.BirthDate)]
    public void Handle_PoundAlone_IsAKeyNotSilence_ThePromptAgainWithoutApology(CallState state)
    {
        var step = At(state, s => s with { BirthDate = new(1950, 3, 5) }).Press("#");

        Assert.Equal(state, step.Session.State);
        Assert.DoesNotContain("input.no_input", step.Ids());
        Assert.DoesNotContain("input.invalid", step.Ids());
        Assert.Equal(0, step.Session.Failures);
    }

    [Theory]
    [InlineData(CallState.Language)]
    [InlineData(CallState.BirthDate)]
    [InlineData(CallState.EnterPhone)]
    [InlineData(CallState.Booked)]
    public void Handle_Zero_GoesToAPersonBecauseTheCallerAsked(CallState state)
    {
        var step = At(state).Press("0");

        Assert.Equal(CallState.Agent, step.Session.State);
        Assert.Equal(new ToPerson(HandoffReason.CallerAsked), step.Next);
        Assert.Equal(["agent.transfer"], step.Ids());
        Assert.Contains(new HandedOff(HandoffReason.CallerAsked), step.Events);
    }

    [Fact]
    public void Handle_ZeroBeforeALanguageIsChosen_TransferSaidInEveryLanguage()
    {
        var step = (At(CallState.Language) with { LanguageChosen = false }).Press("0");

        Assert.Equal(CallState.Agent, step.Session.State);
        Assert.True(Assert.Single(step.Say).EveryLocale);
    }

    [Fact]
    public void Handle_Nine_SlowsSpeechAndStaysPut()
    {
        var step = At(CallState.MainMenu).Press("9");

        Assert.True(step.Session.SlowSpeech);
        Assert.Equal(CallState.MainMenu, step.Session.State);
        Assert.Equal(["speech.slower", "menu.main"], step.Ids());
    }

    [Fact]
    public void Handle_NoInput_ApologisesAndCountsAFailure()
    {
        var step = At(CallState.MainMenu).Press(null);

        Assert.Equal(CallState.MainMenu, step.Session.State);
        Assert.Equal(1, step.Session.Failures);
        Assert.Equal(["input.no_input", "menu.main"], step.Ids());
        Assert.Contains(new InputMissed(CallState.MainMenu, MissKind.NoInput), step.Events);
    }

    [Fact]
    public void Handle_InvalidKey_ApologisesDifferentlyFromSilence()
    {
        var step = At(CallState.MainMenu).Press("7");

        Assert.Equal(["input.invalid", "menu.main"], step.Ids());
        Assert.Contains(new InputMissed(CallState.MainMenu, MissKind.Invalid), step.Events);
    }

    [Fact]
    public void Handle_ThirdFailureAtOneStep_GoesToAPersonNeverHangsUp()
    {
        var session = At(CallState.BirthDate);
        session = session.Type("12345#").Session;
        session = session.Press(null).Session;

        var step = session.Type("29990101#");

        Assert.Equal(CallState.Agent, step.Session.State);
        Assert.Equal(HandoffReason.RepeatedInputFailures, step.Session.Handoff);
        Assert.Equal(["input.too_many"], step.Ids());
    }

    [Fact]
    public void Handle_MissAtAnEntry_SaysTheWorkedExample()
    {
        var step = At(CallState.BirthDate).Type("12345#");

        Assert.Equal(["input.invalid", "book.birth_date.help"], step.Ids());
    }

    [Fact]
    public void Handle_ValidInputAfterFailures_ResetsTheCount()
    {
        var step = At(CallState.MainMenu, s => s with { Failures = 2 }).Press("1");

        Assert.Equal(CallState.BirthDate, step.Session.State);
        Assert.Equal(0, step.Session.Failures);
    }

    [Fact]
    public void Handle_EveryAppliedInput_AdvancesTheTurn()
    {
        var step = At(CallState.MainMenu, s => s with { Turn = 4 }).Press("1");

        Assert.Equal(5, step.Session.Turn);
        Assert.Equal(5, Assert.IsType<Listening>(step.Next).Turn);
    }

    // A finished caller, or one thinking, is never queued for a person.
    [Fact]
    public void Booked_TwoSilences_GoodbyeNotAPerson()
    {
        var booked = At(CallState.Booked, s => s with { Booking = SampleBooking });

        var first = booked.Press(null);
        var second = first.Session.Press(null);

        Assert.Equal(["input.no_input", "booking.menu"], first.Ids());
        Assert.Equal(CallState.Goodbye, second.Session.State);
        Assert.Equal(["goodbye"], second.Ids());
        Assert.IsType<HangUp>(second.Next);
        Assert.DoesNotContain(second.Events, e => e is HandedOff);
    }

    [Fact]
    public void Offer_SilenceWhileThinking_HearsTheChoicesAgain_ThirdSilenceKeepsTheOfferAndEndsPolitely()
    {
        var offer = At(CallState.Offer, s => s with { Offer = SampleOffer with { ExpiresAt = Context.Now.AddMinutes(8) } });

        var first = offer.Press(null);
        var second = first.Session.Press(null);
        var third = second.Session.Press(null);

        Assert.Equal(["offer.take_your_time", "offer.menu"], first.Ids());
        Assert.Equal(CallState.Offer, second.Session.State);
        Assert.Equal(0, second.Session.Failures);
        Assert.Equal(CallState.OfferKept, third.Session.State);
        Assert.Equal(["offer.kept", "goodbye"], third.Ids());
        Assert.IsType<HangUp>(third.Next);
    }

    [Fact]
    public void Waiting_KeysItDoesNotTake_HearTheChoicesAgain_NeverAPerson()
    {
        var session = At(CallState.Waiting, s => s with { RequestId = "br_1" });
        Step step = null!;
        for (var press = 0; press < 5; press++)
        {
            step = session.Press("1");
            session = step.Session;
        }

        Assert.Equal(CallState.Waiting, step.Session.State);
        Assert.Equal(["input.invalid", "book.wait.hold"], step.Ids());
    }

    // Entries: the first key alone, then the rest; what the caller is told is what the Gather takes.
    [Fact]
    public void Entry_FirstKey_WaitsForTheRestEndedByPound_SayingNothing()
    {
        var step = At(CallState.BirthDate).Press("1");

        Assert.Equal("1", step.Session.EntryStart);
        Assert.Empty(step.Say);
        Assert.Equal(new Listening(step.Session.Turn, null, "#", CallFlowMachine.RestTimeout, null), step.Next);
    }

    [Fact]
    public void Entry_FirstKeyThenRest_IsTheWholeAnswer()
    {
        var step = At(CallState.BirthDate).Type("19500305#");

        Assert.Equal(CallState.ConfirmBirthDate, step.Session.State);
        Assert.Equal(new DateOnly(1950, 3, 5), step.Session.BirthDate);
        Assert.Null(step.Session.EntryStart);
    }

    [Fact]
    public void Entry_FirstStage_ListensForOneKeyOrSpeech()
    {
        var step = At(CallState.MainMenu).Press("1");

        var listening = Assert.IsType<Listening>(step.Next);
        Assert.Equal((1, "", "en-CA"), (listening.NumDigits, listening.FinishOnKey, listening.Speech?.Language));
    }

    [Theory]
    [InlineData("*", CallState.BirthDate)]
    [InlineData("0", CallState.Agent)]
    public void Entry_ControlKeyFirst_ActsAtOnce(string key, CallState expected)
    {
        var step = At(CallState.BirthDate).Press(key);

        Assert.Equal(expected, step.Session.State);
        Assert.Null(step.Session.EntryStart);
    }

    [Fact]
    public void Entry_NineFirstWhereNoBirthDateStartsWithIt_SlowsAtOnce()
    {
        var step = At(CallState.BirthDate).Press("9");

        Assert.True(step.Session.SlowSpeech);
        Assert.Equal(["speech.slower", "book.birth_date.ask"], step.Ids());
    }

    [Fact]
    public void Entry_NineResidents_IsNineNotSlower()
    {
        var step = At(CallState.Residents).Type("9#");

        Assert.Equal(CallState.Staff, step.Session.State);
        Assert.Equal(9, step.Session.Residents);
        Assert.False(step.Session.SlowSpeech);
    }

    [Fact]
    public void Entry_ZeroStaff_IsNoneNotAPerson()
    {
        var step = At(CallState.Staff, s => s with { Residents = 40 }).Type("0#");

        Assert.Equal(CallState.ConfirmCounts, step.Session.State);
        Assert.Equal(0, step.Session.StaffCount);
    }

    [Fact]
    public void Entry_ZeroThenPoundWhereZeroMayStartACode_IsAPerson()
    {
        var step = At(CallState.ManageCode).Type("0#");

        Assert.Equal(CallState.Agent, step.Session.State);
    }

    [Fact]
    public void Pin_GatheredInOnePieceKeysOnly_NoDigitOfItKeptBetweenWebhooks()
    {
        var asked = At(CallState.ConfirmPhone, s => s with { Purpose = Purpose.GroupVisit }).Press("1");

        Assert.Equal(CallState.FacilityPin, asked.Session.State);
        Assert.Equal(new Listening(asked.Session.Turn, null, "#", CallFlowMachine.MenuTimeout, null), asked.Next);
        var firstKeyOnly = asked.Session.Press("2");
        Assert.Null(firstKeyOnly.Session.EntryStart);
        Assert.Equal(["input.invalid", "group.pin.help"], firstKeyOnly.Ids());
    }

    // Spoken answers.
    [Theory]
    [InlineData("one", CallState.BirthDate)]
    [InlineData("1.", CallState.BirthDate)]
    [InlineData("three", CallState.FacilityCode)]
    public void Menu_SpokenDigit_IsThatKey(string speech, CallState expected)
    {
        Assert.Equal(expected, At(CallState.MainMenu).Say(speech).Session.State);
    }

    [Theory]
    [InlineData("yes", CallState.CheckEligibility)]
    [InlineData("Oui, c'est ça", CallState.CheckEligibility)]
    [InlineData("no", CallState.BirthDate)]
    public void ConfirmMenu_YesOrNo_AreTheKeys(string speech, CallState expected)
    {
        var step = At(CallState.ConfirmBirthDate, s => s with { BirthDate = new(1950, 3, 5) }).Say(speech);

        Assert.Equal(expected, step.Session.State);
    }

    [Theory]
    [InlineData("3/23/1950")]
    [InlineData("March 23rd, 1950")]
    [InlineData("one nine five zero zero three two three")]
    public void BirthDate_Spoken_IsTheDate(string speech)
    {
        var step = At(CallState.BirthDate).Say(speech);

        Assert.Equal(new DateOnly(1950, 3, 23), step.Session.BirthDate);
    }

    [Fact]
    public void Speech_NotUnderstood_IsNotCalledSilence()
    {
        var step = At(CallState.MainMenu).Say("I'm not sure");

        Assert.Equal(["input.invalid", "menu.main"], step.Ids());
    }

    [Fact]
    public void Menu_ListensForSpeechInTheCallersLanguage_WithItsWordsAsHints()
    {
        var step = At(CallState.MainMenu, s => s with { Locale = "fr-CA" }).Press("1").Session.Type("19500305#");

        var speech = Assert.IsType<Listening>(step.Next).Speech;
        Assert.Equal("fr-CA", speech?.Language);
        Assert.Contains("un", speech!.Hints);
        Assert.Contains("oui", speech.Hints);
    }

    [Fact]
    public void Complete_BackendFailedInAnyTask_GoesToAPersonInTheSameStep()
    {
        var submitting = At(CallState.ConfirmPhone, s => s with { BirthDate = new(1950, 3, 5), Preferences = [new(null, PartOfDay.Any)], WantsCallback = true }).Press("1");

        var step = submitting.Done(new BackendFailed("timeout"));

        Assert.Equal(CallState.Agent, step.Session.State);
        Assert.Equal(HandoffReason.BackendFailed, step.Session.Handoff);
        Assert.Equal(["system.error.handoff"], step.Ids());
        Assert.EndsWith("timeout", step.Trigger, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_UnexpectedOutcome_GoesToAPersonRatherThanGuessing()
    {
        var checking = At(CallState.ConfirmBirthDate, s => s with { BirthDate = new(1950, 3, 5) }).Press("1");

        Assert.Equal(CallState.Agent, checking.Done(new Saved()).Session.State);
    }

    [Fact]
    public void Handle_InputInATaskState_IsAProgrammingError()
    {
        Assert.Throws<InvalidOperationException>(() => At(CallState.SubmitRequest).Press("1"));
    }

    // The facility PIN lives only while the host works with it.
    public static TheoryData<string, Outcome> PinOutcomes => new()
    {
        { "verified, then submitted", new FacilityVerified("Maple Grove") },
        { "wrong code or PIN", new FacilityRejected(2) },
        { "locked", new FacilityLocked() },
        { "backend failed", new BackendFailed("timeout") },
    };

    [Theory]
    [MemberData(nameof(PinOutcomes))]
    public void FacilityPin_EveryOutcomeOfTheVerification_LeavesNoPinInTheSession(string name, Outcome outcome)
    {
        var entered = At(CallState.FacilityPin, s => s with { Purpose = Purpose.GroupVisit, FacilityCode = "700123", Residents = 40, StaffCount = 0, GroupDates = [new(2026, 12, 3)], CallbackNumber = "+14165550123" })
            .Type("2468#");
        Assert.Equal("2468", entered.Session.FacilityPin);

        var step = entered.Done(outcome);
        if (step.NeedsWork)
        {
            step = step.Done(new GroupVisitSubmitted("731904"));
        }

        Assert.False(step.NeedsWork, name);
        Assert.Null(step.Session.FacilityPin);
    }
}
