using PhoneBooking.IvrHost.CallFlow;
using static PhoneBooking.IvrHost.Tests.CallFlow.CallFlowTestData;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

/// <summary>Whole conversations through the machine alone, the host's work played by the test.</summary>
public sealed class CallFlowScenarioTests
{
    private Step _step = Machine.Start(new CallSession { CallSid = "CAscenario", CallerId = "+14165550123" }, CallEntry.NewCaller, Context);
    private int _keys;

    private CallSession Session => _step.Session;

    [Fact]
    public void PlainBooking_SevenMenuAnswersAndTheBirthDate_SixteenKeysWithFinish()
    {
        Press("1"); // English
        Press("1"); // book
        Type("19500305#");
        Press("1"); // birth date right
        Done(new EligibilityChecked(true, new DateOnly(2026, 11, 1)));
        Press("1"); // the first time available
        Assert.Equal(CallState.WaitChoice, Session.State);
        Press("1"); // wait on the line: no number to confirm, the caller ID is used
        Done(new RequestSubmitted("br_1", 4));
        Assert.Equal(CallState.Waiting, Session.State);
        Press(null); // a hold round
        Done(new StatusChecked(RequestProgress.Offered, null, SampleOffer, null));
        Done(new HoldStarted(SampleOffer with { ExpiresAt = Context.Now.AddMinutes(10) }));
        Assert.DoesNotContain("offer.not_preferred", _step.Ids());
        Press("1"); // accept
        Done(new OfferAccepted(SampleBooking));

        Assert.Equal(["offer.accepted", "booking.details", "booking.code", "booking.menu"], _step.Ids());
        Press("4"); // finish
        Assert.IsType<HangUp>(_step.Next);
        Assert.Equal(16, _keys);
        Assert.Equal([new Preference(null, PartOfDay.Any)], Session.Preferences);
        Assert.Equal("+14165550123", Session.CallbackNumber);
    }

    [Fact]
    public void DatesAsked_OfferOnAnotherDay_IsSaidToDiffer()
    {
        Press("1");
        Press("1");
        Type("19500305#");
        Press("1");
        Done(new EligibilityChecked(true, null));
        Press("2"); // choose a date
        Type("1203#");
        Assert.Equal(["date.confirm"], _step.Ids()); // read back at once
        Press("1");
        Press("1"); // morning
        Press("2"); // done
        Press("1"); // wait
        Done(new RequestSubmitted("br_1", 4));
        Press(null);
        Done(new StatusChecked(RequestProgress.Offered, null, SampleOffer, null));
        Done(new HoldStarted(SampleOffer));

        Assert.Equal(["offer.present", "offer.not_preferred", "offer.held", "offer.menu"], _step.Ids());
    }

    [Fact]
    public void CallBack_NumberReadBackOnlyWhenACallBackIsChosen()
    {
        Press("1");
        Press("1");
        Type("19500305#");
        Press("1");
        Done(new EligibilityChecked(true, null));
        Press("1");

        Press("2"); // call me back
        Assert.Equal(["book.phone.confirm"], _step.Ids());
        Press("1");
        Done(new RequestSubmitted("br_1", 4));
        Done(new Saved());

        Assert.Equal(["book.submitted", "book.callback.confirmed", "goodbye"], _step.Ids());
        Assert.IsType<HangUp>(_step.Next);
    }

    [Fact]
    public void Household_SecondPerson_KeepsPhoneAndTimesAndAsksOnlyTheOtherPersonsBirthDate()
    {
        _step = Machine.Current(At(CallState.Booked) with
        {
            Locale = "fr-CA",
            BirthDate = new DateOnly(1950, 3, 5),
            Preferences = [new Preference(null, PartOfDay.Morning)],
            CallbackNumber = "+14165550123",
            RequestId = "br_1",
            Booking = SampleBooking,
        }, Context);

        Press("3");
        Assert.Equal(["book.household.start", "book.birth_date.ask_other"], _step.Ids());
        Assert.Null(Session.BirthDate);
        Type("19520101#");
        Press("1");
        Done(new EligibilityChecked(true, null));
        Assert.Equal(CallState.SamePreferences, Session.State);
        Press("1");
        Press("1");

        Assert.Equal(CallState.SubmitRequest, Session.State);
        Assert.Equal(1, Session.Person);
        Assert.Equal("fr-CA", Session.Locale);
        Assert.Equal("+14165550123", Session.CallbackNumber);
        Assert.Null(Session.RequestId);
    }

    [Fact]
    public void NotEligible_ReminderToTypedNumber_IsSavedForWhenTheGroupOpens()
    {
        _step = new Step(At(CallState.CheckEligibility, s => s with { CallerId = null, BirthDate = new DateOnly(1990, 1, 1) }), [], new DoWork(CallState.CheckEligibility), [], CallState.CheckEligibility, "");

        Done(new EligibilityChecked(false, new DateOnly(2027, 1, 15)));
        Press("1");
        Assert.Equal(CallState.EnterPhone, Session.State);
        Type("6135550199#");
        Press("1");

        Assert.Equal(CallState.SaveReminder, Session.State);
        Assert.Equal("+16135550199", Session.CallbackNumber);
        Assert.Equal(new DateOnly(2027, 1, 15), Session.ReminderOn);
    }

    [Fact]
    public void NoDateYet_ReminderOffered_ForTwoWeeksLater()
    {
        _step = new Step(At(CallState.CheckEligibility, s => s with { BirthDate = new DateOnly(1990, 1, 1) }), [], new DoWork(CallState.CheckEligibility), [], CallState.CheckEligibility, "");

        Done(new EligibilityChecked(false, null));
        Press("1");
        Press("1");

        Assert.Equal(CallState.SaveReminder, Session.State);
        Assert.Equal(Context.Today.AddDays(CallFlowDefinition.CheckAgainDays), Session.ReminderOn);
    }

    [Fact]
    public void Resume_CallerIdOfAnOpenRequest_NothingIsReadUntilTheBirthDateMatches()
    {
        _step = Machine.Start(new CallSession { CallSid = "CAnew", CallerId = "+14165550123", ResumableCallSid = "CAold" }, CallEntry.ReturningCaller, Context);
        Press("1");
        Press("1"); // continue
        Assert.Equal(["resume.verify", "book.birth_date.ask"], _step.Ids());
        Type("19500305#");
        Press("1");
        Assert.Equal(CallState.VerifyCaller, Session.State);
        Assert.Null(Session.RequestId);

        Done(new CallerVerified(At(CallState.Waiting) with { RequestId = "br_1", BirthDate = new DateOnly(1950, 3, 5), Preferences = [new(null, PartOfDay.Any)], CallbackNumber = "+14165550123" }));
        Assert.Equal("br_1", Session.RequestId);
        Done(new StatusChecked(RequestProgress.Booked, null, null, SampleBooking));

        Assert.Equal(["booking.details", "booking.code", "booking.menu"], _step.Ids());
    }

    [Fact]
    public void Resume_WrongBirthDateThreeTimes_RefusedAndStartsOverKnowingNothing()
    {
        _step = Machine.Start(new CallSession { CallSid = "CAnew", CallerId = "+14165550123", ResumableCallSid = "CAold" }, CallEntry.ReturningCaller, Context);
        Press("1");
        Press("1");
        for (var attempt = 1; attempt <= CallFlowDefinition.MaxResumeAttempts; attempt++)
        {
            Type("19600101#");
            Press("1");
            Done(new CallerNotVerified());
        }

        Assert.Equal(CallState.RefuseResume, Session.State);
        Done(new Saved());
        Assert.Equal(CallState.MainMenu, Session.State);
        Assert.Equal(["resume.start_over", "menu.main"], _step.Ids());
        Assert.Null(Session.ResumableCallSid);
        Assert.Contains(new CallerUnverified(Refused: true), _step.Events);
    }

    [Fact]
    public void GroupVisit_PinLast_CountsDatesAndNumberKeptWhenThePinIsWrong()
    {
        Press("1");
        Press("3");
        Type("700123#");
        Type("40#");
        Type("0#");
        Press("1");
        Type("1203#");
        Press("1");
        Press("2");
        Assert.Equal(["book.phone.confirm"], _step.Ids());
        Press("1");
        Assert.Equal(["group.pin.ask"], _step.Ids());
        Type("1111#");
        Done(new FacilityRejected(2));
        Assert.Equal(["group.pin.invalid", "group.retry.menu"], _step.Ids());
        Press("1");
        Type("700123#");
        Assert.Equal(["group.pin.ask"], _step.Ids());
        Type("2468#");
        Done(new FacilityVerified("Maple Grove"));
        Done(new GroupVisitSubmitted("731904"));

        Assert.Equal(["group.submitted", "group.reference", "group.done.menu"], _step.Ids());
        Assert.Equal((40, 0, "+14165550123"), (Session.Residents, Session.StaffCount, Session.CallbackNumber));
        Assert.Null(Session.FacilityPin);
    }

    [Fact]
    public void GroupVisit_CallerIdWithheld_TheNumberIsAsked()
    {
        _step = Machine.Current(At(CallState.MoreGroupDates, s => s with { CallerId = null, Purpose = Purpose.GroupVisit, Residents = 40, StaffCount = 0, GroupDates = [new(2026, 12, 3)] }), Context);

        Press("2");

        Assert.Equal(["book.phone.ask"], _step.Ids());
    }

    private void Press(string? keys)
    {
        _keys += keys?.Length ?? 0;
        _step = Session.Press(keys);
    }

    private void Type(string keys)
    {
        _keys += keys.Length;
        _step = Session.Type(keys);
    }

    private void Done(Outcome outcome) => _step = _step.Done(outcome);
}
