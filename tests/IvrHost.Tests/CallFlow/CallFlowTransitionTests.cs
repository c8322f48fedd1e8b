using PhoneBooking.IvrHost.CallFlow;
using static PhoneBooking.IvrHost.CallFlow.CallState;
using static PhoneBooking.IvrHost.Tests.CallFlow.CallFlowTestData;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

/// <summary>The transition table, row by row: from a state, with an input or an outcome, to a state.</summary>
public sealed class CallFlowTransitionTests
{
    public sealed record Row(string Name, CallSession From, CallInput? Input, Outcome? Outcome, CallState To, string[] Says, bool BackendDown = false)
    {
        public override string ToString() => Name;

        public Row WhenBackendDown() => this with { Name = Name + " (backend down)", BackendDown = true };
    }

    private static Row Key(CallState from, string keys, CallState to, Func<CallSession, CallSession>? setup = null, params string[] says) =>
        new($"{from} + '{keys}' → {to}", At(from, setup), CallInput.Of(keys), null, to, says);

    private static Row Done(CallState from, Outcome outcome, CallState to, Func<CallSession, CallSession>? setup = null, params string[] says) =>
        new($"{from} + {outcome.GetType().Name} → {to}", At(from, setup), null, outcome, to, says);

    private static readonly RequestProgress Waiting_ = RequestProgress.Waiting;

    public static TheoryData<Row> Rows() =>
    [
        Key(Language, "1", MainMenu, null, "help.keys"),
        Key(Language, "2", MainMenu, null, "help.keys"),
        Key(Language, "1", SystemDown, null, "help.keys").WhenBackendDown(),
        Key(SystemDown, "1", BirthDate),
        Key(SystemDown, "1", PreferenceDay, s => s with { BirthDate = new(1950, 3, 5) }, "book.pref.intro"),
        Key(SystemDown, "1", ConfirmPhone, s => s with { BirthDate = new(1950, 3, 5), Preferences = [new(null, PartOfDay.Any)] }),
        Key(SystemDown, "1", SaveDeferredRequest, s => s with { BirthDate = new(1950, 3, 5), Preferences = [new(null, PartOfDay.Any)], CallbackNumber = "+14165550123" }),
        Key(SystemDown, "2", Agent, null, "agent.transfer"),
        Done(SaveDeferredRequest, new Saved(), Goodbye, null, "system.down.callback_saved"),
        Key(ConfirmBirthDate, "1", PreferenceDay, s => s with { Purpose = Purpose.Deferred, BirthDate = new(1950, 3, 5) }, "book.pref.intro"),
        Key(ConfirmPhone, "1", SaveDeferredRequest, s => s with { Purpose = Purpose.Deferred }),
        Done(CheckEligibility, new BackendFailed("CircuitOpen"), SystemDown).WhenBackendDown(),
        Done(CheckEligibility, new BackendFailed("Timeout"), Agent, null, "system.error.handoff"),
        Done(SubmitRequest, new BackendFailed("CircuitOpen"), SystemDown).WhenBackendDown(),
        Key(Resume, "1", CheckStatus, s => s with { RequestId = "br_1" }),
        Key(Resume, "2", MainMenu),
        Key(Resume, "2", SystemDown).WhenBackendDown(),
        Key(MainMenu, "1", BirthDate),
        Key(MainMenu, "2", ManageCode),
        Key(MainMenu, "3", FacilityCode),
        Key(BirthDate, "19500305", ConfirmBirthDate),
        Key(ConfirmBirthDate, "1", CheckEligibility, s => s with { BirthDate = new(1950, 3, 5) }, "book.checking"),
        Key(ConfirmBirthDate, "1", LookupBooking, s => s with { Purpose = Purpose.Manage, LookupCode = "48213907" }),
        Key(ConfirmBirthDate, "2", BirthDate),
        Done(CheckEligibility, new EligibilityChecked(true, new(2026, 11, 1)), PreferenceDay, null, "book.pref.intro"),
        Done(CheckEligibility, new EligibilityChecked(true, null), SamePreferences, s => s with { Person = 1, Preferences = [new(null, PartOfDay.Any)] }),
        Done(CheckEligibility, new EligibilityChecked(false, new(2027, 1, 15)), NotEligible),
        Done(CheckEligibility, new EligibilityChecked(false, null), Goodbye, null, "book.not_eligible.no_date"),
        Key(NotEligible, "1", ConfirmPhone, s => s with { GroupOpensOn = new(2027, 1, 15) }),
        Key(NotEligible, "1", EnterPhone, s => s with { GroupOpensOn = new(2027, 1, 15), CallerId = null }),
        Key(NotEligible, "2", Goodbye),
        Done(SaveReminder, new Saved(), Goodbye, null, "book.reminder.confirmed"),
        Key(SamePreferences, "1", SubmitRequest),
        Key(SamePreferences, "2", PreferenceDay),
        Key(PreferenceDay, "1", PreferenceTime),
        Key(PreferenceDay, "2", PreferenceDate),
        Key(PreferenceDate, "1203", PreferenceTime),
        Key(PreferenceTime, "1", MorePreferences, null, "book.pref.added"),
        Key(PreferenceTime, "3", MorePreferences, s => s with { DraftDate = new(2026, 12, 3) }, "book.pref.added"),
        Key(PreferenceTime, "4", ConfirmPhone, s => s with { Preferences = [.. Enumerable.Repeat(new Preference(null, PartOfDay.Any), 4)] }, "book.pref.added"),
        Key(PreferenceTime, "2", EnterPhone, s => s with { CallerId = null, Preferences = [.. Enumerable.Repeat(new Preference(null, PartOfDay.Any), 4)] }, "book.pref.added"),
        Key(MorePreferences, "1", PreferenceDay),
        Key(MorePreferences, "2", ConfirmPhone),
        Key(MorePreferences, "2", EnterPhone, s => s with { CallerId = null }),
        Key(ConfirmPhone, "1", SubmitRequest),
        Key(ConfirmPhone, "1", SaveReminder, s => s with { Purpose = Purpose.Reminder }),
        Key(ConfirmPhone, "2", EnterPhone),
        Key(EnterPhone, "4165550199", ConfirmPhone),
        Done(SubmitRequest, new RequestSubmitted("br_1", 12), WaitChoice, null, "book.submitted"),
        Key(WaitChoice, "1", Waiting),
        Key(WaitChoice, "2", SaveOfferCallback),
        Done(SaveOfferCallback, new Saved(), Goodbye, null, "book.callback.confirmed"),
        new("Waiting + silence → CheckStatus", At(Waiting), CallInput.None, null, CheckStatus, []),
        Key(Waiting, "2", SaveOfferCallback),
        Done(CheckStatus, new StatusChecked(RequestProgress.Offered, null, SampleOffer, null), StartHold),
        Done(CheckStatus, new StatusChecked(RequestProgress.Booked, null, null, SampleBooking), Booked),
        Done(CheckStatus, new StatusChecked(RequestProgress.Closed, null, null, null), Agent, null, "offer.no_more"),
        Done(CheckStatus, new StatusChecked(Waiting_, 3, null, null), Waiting),
        Done(CheckStatus, new StatusChecked(Waiting_, 3, null, null), WaitChoice, s => s with { Polls = 60 }, "book.wait.hold_long"),
        Done(StartHold, new HoldStarted(SampleOffer), CallState.Offer),
        Done(StartHold, new OfferGone(), Waiting, null, "offer.expired"),
        Key(CallState.Offer, "1", AcceptOffer, s => s with { Offer = SampleOffer }),
        Key(CallState.Offer, "2", DeclineOffer, s => s with { Offer = SampleOffer }),
        Done(AcceptOffer, new OfferAccepted(SampleBooking), Booked, null, "offer.accepted"),
        Done(AcceptOffer, new OfferGone(), Waiting, null, "offer.expired"),
        Done(DeclineOffer, new OfferDeclined(Requeued: true), Waiting, null, "offer.declined"),
        Done(DeclineOffer, new OfferDeclined(Requeued: false), Agent, null, "offer.no_more"),
        Done(DeclineOffer, new OfferGone(), Waiting, null, "offer.expired"),
        Key(Booked, "1", Booked, s => s with { Booking = SampleBooking }),
        Key(Booked, "2", SendSms, s => s with { Booking = SampleBooking }),
        Key(Booked, "3", BirthDate, s => s with { Booking = SampleBooking }, "book.household.start"),
        Key(Booked, "4", Goodbye, s => s with { Booking = SampleBooking }),
        Done(SendSms, new SmsResult(true), Booked, null, "booking.sms.sent"),
        Done(SendSms, new SmsResult(false), Booked, null, "booking.sms.unavailable"),
        Done(SendSms, new SmsRefused(AlreadySent: false), Booked, null, "booking.sms.refused"),
        Done(SendSms, new SmsRefused(AlreadySent: true), Booked, null, "booking.sms.already_sent"),
        Key(ManageCode, "48213907", BirthDate),
        Done(LookupBooking, new BookingFound(SampleBooking), ManageFound),
        Done(LookupBooking, new BookingFound(SampleBooking with { Cancelled = true }), MainMenu, null, "manage.already_cancelled"),
        Done(LookupBooking, new NotFound(), ManageCode, null, "manage.not_found"),
        Done(LookupBooking, new NotFound(), Agent, s => s with { LookupAttempts = 2 }, "input.too_many"),
        Key(ManageFound, "1", ConfirmCancel, s => s with { Booking = SampleBooking }),
        Key(ManageFound, "2", MainMenu, s => s with { Booking = SampleBooking }),
        Key(ConfirmCancel, "1", CancelBooking),
        Key(ConfirmCancel, "2", MainMenu, null, "manage.kept"),
        Done(CancelBooking, new BookingCancelled(SampleBooking with { Cancelled = true }), MainMenu, null, "manage.cancelled"),
        Done(CancelBooking, new AlreadyCancelled(), MainMenu, null, "manage.already_cancelled"),
        Done(CancelBooking, new NotFound(), MainMenu, null, "manage.not_found"),
        Key(FacilityCode, "1234", FacilityPin),
        Key(FacilityPin, "5678", VerifyFacility, s => s with { FacilityCode = "1234" }),
        Done(VerifyFacility, new FacilityVerified("Maple Grove"), Residents, null, "group.verified"),
        Done(VerifyFacility, new FacilityRejected(3), FacilityCode, null, "group.pin.invalid"),
        Done(VerifyFacility, new FacilityLocked(), Agent, null, "group.locked"),
        Key(Residents, "40", StaffQuestion),
        Key(StaffQuestion, "1", Staff),
        Key(StaffQuestion, "2", ConfirmCounts),
        Key(Staff, "12", ConfirmCounts),
        Key(ConfirmCounts, "1", GroupDate),
        Key(ConfirmCounts, "2", Residents),
        Key(GroupDate, "1201", MoreGroupDates),
        Key(GroupDate, "1201", SubmitGroupVisit, s => s with { GroupDates = [.. Enumerable.Repeat(new DateOnly(2026, 12, 2), 4)] }),
        Key(MoreGroupDates, "1", GroupDate),
        Key(MoreGroupDates, "2", SubmitGroupVisit),
        Done(SubmitGroupVisit, new GroupVisitSubmitted("731904"), GroupSubmitted),
        Key(GroupSubmitted, "1", GroupSubmitted, s => s with { GroupReference = "731904" }),
        Key(GroupSubmitted, "2", Goodbye, s => s with { GroupReference = "731904" }),
    ];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Transition_FromStateWithTrigger_ReachesExpectedStateSayingExpectedPrompts(Row row)
    {
        var step = Run(row);

        Assert.Equal(row.To, step.Session.State);
        Assert.Equal(row.Says, step.Preamble.Select(p => p.Id));
    }

    [Fact]
    public void Rows_ExerciseEveryTransitionOfEveryState()
    {
        var exercised = ((IEnumerable<object[]>)Rows())
            .Select(r => (Row)r[0])
            .Select(row => (row.From.State, Trigger: Run(row).Trigger.Split(" → ")[0]))
            .ToHashSet();

        var missing = Machine.Flow.States.Values
            .SelectMany(s => s.Transitions.Where(_ => s is AskState or TaskState).Select(t => (s.State, Trigger: t.Label)))
            .Where(t => !exercised.Contains(t))
            .ToList();

        Assert.Empty(missing);
    }

    private static Step Run(Row row)
    {
        var context = Context with { BackendDown = row.BackendDown };
        return row.Input is not null ? Machine.Handle(row.From, row.Input, context) : Machine.Complete(row.From, row.Outcome!, context);
    }
}
