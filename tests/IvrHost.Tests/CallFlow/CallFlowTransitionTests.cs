using PhoneBooking.IvrHost.CallFlow;
using static PhoneBooking.IvrHost.CallFlow.CallState;
using static PhoneBooking.IvrHost.Tests.CallFlow.CallFlowTestData;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

/// <summary>The transition table, row by row: from a state, with keys (typed as a caller types) or an outcome, to a state.</summary>
public sealed class CallFlowTransitionTests
{
    public sealed record Row(string Name, CallSession From, string? Keys, Outcome? Outcome, CallState To, string[] Says, bool BackendDown = false, LineFeature[]? Off = null)
    {
        public override string ToString() => Name;

        public Row WhenBackendDown() => this with { Name = Name + " (backend down)", BackendDown = true };

        /// <summary>With <paramref name="feature"/> switched off by a supervisor.</summary>
        public Row WhenOff(LineFeature feature) => this with { Name = $"{Name} ({feature} off)", Off = [feature] };
    }

    private static readonly DateOnly Born = new(1950, 3, 5);
    private static readonly Preference AnyTime = new(null, PartOfDay.Any);
    private static readonly DateOnly VisitDay = new(2026, 12, 3);

    private static Row Key(CallState from, string keys, CallState to, Func<CallSession, CallSession>? setup = null, params string[] says) =>
        new($"{from} + '{keys}' → {to}", At(from, setup), keys, null, to, says);

    private static Row Done(CallState from, Outcome outcome, CallState to, Func<CallSession, CallSession>? setup = null, params string[] says) =>
        new($"{from} + {outcome.GetType().Name} → {to}", At(from, setup), null, outcome, to, says);

    private static CallSession Group(CallSession s) => s with { Purpose = Purpose.GroupVisit, FacilityCode = "700123", Residents = 40, StaffCount = 2, GroupDates = [VisitDay], CallbackNumber = "+14165550123", FacilityPin = "2468" };

    public static TheoryData<Row> Rows() =>
    [
        Key(Language, "1", MainMenu, s => s with { LanguageChosen = false }, "help.keys", "menu.main"),
        Key(Language, "2", MainMenu, s => s with { LanguageChosen = false }, "help.keys", "menu.main"),
        Key(Language, "1", SystemDown, s => s with { LanguageChosen = false }, "help.keys", "system.down", "system.down.menu").WhenBackendDown(),
        Key(Language, "1", Resume, s => s with { LanguageChosen = false, ResumableCallSid = "CAold" }, "help.keys", "resume.offer"),
        Key(SystemDown, "1", BirthDate, null, "book.birth_date.ask"),
        Key(SystemDown, "1", PreferenceDay, s => s with { BirthDate = Born }, "book.pref.intro", "book.pref.day.ask"),
        Key(SystemDown, "1", ConfirmPhone, s => s with { BirthDate = Born, Preferences = [AnyTime] }, "book.phone.confirm"),
        Key(SystemDown, "1", SaveDeferredRequest, s => s with { BirthDate = Born, Preferences = [AnyTime], CallbackNumber = "+14165550123" }),
        Key(SystemDown, "2", Agent, null, "agent.transfer"),
        Done(SaveDeferredRequest, new Saved(), Goodbye, s => s with { CallbackNumber = "+14165550123" }, "system.down.callback_saved", "goodbye"),
        Key(ConfirmBirthDate, "1", PreferenceDay, s => s with { Purpose = Purpose.Deferred, BirthDate = Born }, "book.pref.intro", "book.pref.day.ask"),
        Key(ConfirmPhone, "1", SaveDeferredRequest, s => s with { Purpose = Purpose.Deferred }),
        Done(CheckEligibility, new BackendFailed("CircuitOpen"), SystemDown, null, "system.down", "system.down.menu").WhenBackendDown(),
        Done(CheckEligibility, new BackendFailed("Timeout"), Agent, null, "system.error.handoff"),
        Done(SubmitRequest, new BackendFailed("CircuitOpen"), SystemDown, null, "system.down", "system.down.menu").WhenBackendDown(),
        Key(Resume, "1", BirthDate, s => s with { ResumableCallSid = "CAold" }, "resume.verify", "book.birth_date.ask"),
        Key(Resume, "2", MainMenu, s => s with { ResumableCallSid = "CAold" }, "menu.main"),
        Key(ConfirmBirthDate, "1", VerifyCaller, s => s with { Purpose = Purpose.Resume, BirthDate = Born, ResumableCallSid = "CAold" }),
        Done(VerifyCaller, new CallerVerified(At(Waiting, s => s with { RequestId = "br_1", BirthDate = Born, Preferences = [AnyTime] })), ResumeStatus, s => s with { Purpose = Purpose.Resume, BirthDate = Born, ResumableCallSid = "CAold" }),
        Done(VerifyCaller, new CallerNotVerified(), BirthDate, s => s with { Purpose = Purpose.Resume, BirthDate = Born, ResumableCallSid = "CAold" }, "resume.not_matched", "book.birth_date.ask"),
        Done(VerifyCaller, new CallerNotVerified(), RefuseResume, s => s with { Purpose = Purpose.Resume, BirthDate = Born, ResumableCallSid = "CAold", ResumeAttempts = 2 }),
        Done(RefuseResume, new Saved(), MainMenu, s => s with { Purpose = Purpose.Resume, ResumableCallSid = "CAold" }, "resume.start_over", "menu.main"),
        Done(ResumeStatus, new StatusChecked(RequestProgress.Offered, null, SampleOffer, null), StartHold, s => s with { RequestId = "br_1" }),
        Done(ResumeStatus, new StatusChecked(RequestProgress.Booked, null, null, SampleBooking), Booked, s => s with { RequestId = "br_1" }, "booking.details", "booking.code", "booking.menu"),
        Done(ResumeStatus, new StatusChecked(RequestProgress.Closed, null, null, null), Agent, s => s with { RequestId = "br_1" }, "offer.no_more"),
        Done(ResumeStatus, new StatusChecked(RequestProgress.Waiting, 4, null, null), WaitChoice, s => s with { RequestId = "br_1" }, "resume.queued", "book.wait.choice"),
        Key(MainMenu, "1", BirthDate, null, "book.birth_date.ask"),
        Key(MainMenu, "2", ManageCode, null, "manage.code.ask"),
        Key(MainMenu, "3", FacilityCode, null, "group.code.ask"),
        Key(BirthDate, "19500305#", ConfirmBirthDate, null, "book.birth_date.confirm"),
        Key(ConfirmBirthDate, "1", CheckEligibility, s => s with { BirthDate = Born }),
        Key(ConfirmBirthDate, "1", LookupBooking, s => s with { Purpose = Purpose.Manage, LookupCode = "48213907", BirthDate = Born }),
        Key(ConfirmBirthDate, "2", BirthDate, s => s with { BirthDate = Born }, "book.birth_date.ask"),
        Done(CheckEligibility, new EligibilityChecked(true, new(2026, 11, 1)), PreferenceDay, s => s with { BirthDate = Born }, "book.pref.intro", "book.pref.day.ask"),
        Done(CheckEligibility, new EligibilityChecked(true, null), SamePreferences, s => s with { Person = 1, Preferences = [AnyTime] }, "book.household.same_prefs"),
        Done(CheckEligibility, new EligibilityChecked(false, new(2027, 1, 15)), NotEligible, null, "book.not_eligible", "book.reminder.offer"),
        Done(CheckEligibility, new EligibilityChecked(false, null), NoDateYet, null, "book.not_eligible.no_date", "book.reminder.offer_later"),
        Key(NotEligible, "1", ConfirmPhone, s => s with { GroupOpensOn = new(2027, 1, 15) }, "book.phone.confirm"),
        Key(NotEligible, "1", EnterPhone, s => s with { GroupOpensOn = new(2027, 1, 15), CallerId = null }, "book.phone.ask"),
        Key(NotEligible, "2", Goodbye, s => s with { GroupOpensOn = new(2027, 1, 15) }, "goodbye"),
        Key(NoDateYet, "1", ConfirmPhone, null, "book.phone.confirm"),
        Key(NoDateYet, "2", Goodbye, null, "goodbye"),
        Done(SaveReminder, new Saved(), Goodbye, s => s with { ReminderOn = new(2027, 1, 15) }, "book.reminder.confirmed", "goodbye"),
        Key(SamePreferences, "1", WaitChoice, s => s with { Preferences = [AnyTime] }, "book.wait.choice"),
        Key(SamePreferences, "2", PreferenceDay, s => s with { Preferences = [AnyTime] }, "book.pref.day.ask"),
        Key(PreferenceDay, "1", WaitChoice, null, "book.pref.added_first_available", "book.wait.choice"),
        Key(PreferenceDay, "2", PreferenceDate, null, "book.pref.date.ask"),
        Key(PreferenceDay, "3", PreferenceTime, null, "book.pref.time.ask"),
        Key(PreferenceDate, "1203#", ConfirmPreferenceDate, null, "date.confirm"),
        Key(ConfirmPreferenceDate, "1", PreferenceTime, s => s with { DraftDate = VisitDay }, "book.pref.time.ask"),
        Key(ConfirmPreferenceDate, "2", PreferenceDate, s => s with { DraftDate = VisitDay }, "book.pref.date.ask"),
        Key(PreferenceTime, "1", MorePreferences, null, "book.pref.added_earliest", "book.pref.more"),
        Key(PreferenceTime, "3", MorePreferences, s => s with { DraftDate = VisitDay }, "book.pref.added", "book.pref.more"),
        Key(PreferenceTime, "4", WaitChoice, s => s with { DraftDate = VisitDay, Preferences = [.. Enumerable.Repeat(new Preference(VisitDay, PartOfDay.Morning), 4)] }, "book.pref.added", "book.pref.max_reached", "book.wait.choice"),
        Key(PreferenceTime, "4", WaitChoice, null, "book.pref.added_first_available", "book.wait.choice"),
        Key(PreferenceTime, "2", MorePreferences, s => s with { DraftDate = VisitDay, Preferences = [new(null, PartOfDay.Morning)] }, "book.pref.added", "book.pref.more"),
        Key(MorePreferences, "1", PreferenceDay, s => s with { Preferences = [new(VisitDay, PartOfDay.Morning)] }, "book.pref.day.ask"),
        Key(MorePreferences, "2", WaitChoice, s => s with { Preferences = [new(VisitDay, PartOfDay.Morning)] }, "book.wait.choice"),
        Key(MorePreferences, "2", ConfirmPhone, s => s with { Purpose = Purpose.Deferred, BirthDate = Born, Preferences = [new(VisitDay, PartOfDay.Morning)] }, "book.phone.confirm"),
        Key(WaitChoice, "1", SubmitRequest, s => s with { BirthDate = Born, Preferences = [AnyTime] }),
        Key(WaitChoice, "1", EnterPhone, s => s with { BirthDate = Born, Preferences = [AnyTime], CallerId = null }, "book.phone.why", "book.phone.ask"),
        Key(WaitChoice, "1", Waiting, s => s with { RequestId = "br_1" }, "book.wait.hold"),
        Key(WaitChoice, "2", ConfirmPhone, null, "book.phone.confirm"),
        Key(ConfirmPhone, "1", SubmitRequest, s => s with { WantsCallback = true }),
        Key(ConfirmPhone, "1", SaveReminder, s => s with { Purpose = Purpose.Reminder, ReminderOn = new(2027, 1, 15) }),
        Key(ConfirmPhone, "1", SaveOfferCallback, s => s with { RequestId = "br_1", WantsCallback = true }),
        Key(ConfirmPhone, "1", FacilityPin, s => s with { Purpose = Purpose.GroupVisit }, "group.pin.ask"),
        Key(ConfirmPhone, "2", EnterPhone, null, "book.phone.ask"),
        Key(EnterPhone, "4165550199#", ConfirmPhone, null, "book.phone.confirm"),
        Done(SubmitRequest, new RequestSubmitted("br_1", 12), Waiting, null, "book.submitted", "book.wait.hold"),
        Done(SubmitRequest, new RequestSubmitted("br_1", 12), SaveOfferCallback, s => s with { WantsCallback = true }, "book.submitted"),
        Done(SubmitRequest, new DuplicateRequest(), AlreadyRequested, s => s with { BirthDate = Born }, "book.duplicate", "book.duplicate.menu"),
        Key(AlreadyRequested, "1", ManageCode, s => s with { BirthDate = Born }, "manage.code.ask"),
        Key(AlreadyRequested, "2", Agent, s => s with { BirthDate = Born }, "agent.transfer"),
        Key(ManageCode, "48213907#", LookupBooking, s => s with { Purpose = Purpose.Manage, BirthDate = Born }),
        Done(SaveOfferCallback, new Saved(), Goodbye, s => s with { CallbackNumber = "+14165550123" }, "book.callback.confirmed", "goodbye"),
        new("Waiting + silence → CheckStatus", At(Waiting, s => s with { RequestId = "br_1" }), null, null, CheckStatus, []),
        Key(Waiting, "2", ConfirmPhone, s => s with { RequestId = "br_1" }, "book.phone.confirm"),
        Done(CheckStatus, new StatusChecked(RequestProgress.Offered, null, SampleOffer, null), StartHold),
        Done(CheckStatus, new StatusChecked(RequestProgress.Booked, null, null, SampleBooking), Booked, null, "booking.details", "booking.code", "booking.menu"),
        Done(CheckStatus, new StatusChecked(RequestProgress.Closed, null, null, null), Agent, null, "offer.no_more"),
        Done(CheckStatus, new StatusChecked(RequestProgress.Waiting, 3, null, null), Waiting),
        Done(CheckStatus, new StatusChecked(RequestProgress.Waiting, 3, null, null), WaitChoice, s => s with { Polls = CallFlowDefinition.MaxPollsBeforeOfferingCallback }, "book.wait.hold_long", "book.wait.choice"),
        Done(StartHold, new HoldStarted(SampleOffer), CallState.Offer, null, "offer.present", "offer.held", "offer.menu"),
        Done(StartHold, new OfferGone(), Waiting, s => s with { Offer = SampleOffer }, "offer.expired", "book.wait.hold"),
        Key(CallState.Offer, "1", AcceptOffer, s => s with { Offer = SampleOffer }),
        Key(CallState.Offer, "2", DeclineOffer, s => s with { Offer = SampleOffer }),
        Done(AcceptOffer, new OfferAccepted(SampleBooking), Booked, s => s with { Offer = SampleOffer }, "offer.accepted", "booking.details", "booking.code", "booking.menu"),
        Done(AcceptOffer, new OfferGone(), Waiting, s => s with { Offer = SampleOffer }, "offer.expired", "book.wait.hold"),
        Done(DeclineOffer, new OfferDeclined(Requeued: true), Waiting, s => s with { Offer = SampleOffer }, "offer.declined", "book.wait.hold"),
        Done(DeclineOffer, new OfferDeclined(Requeued: false), Agent, s => s with { Offer = SampleOffer }, "offer.no_more"),
        Done(DeclineOffer, new OfferGone(), Waiting, s => s with { Offer = SampleOffer }, "offer.expired", "book.wait.hold"),
        Key(Booked, "1", Booked, s => s with { Booking = SampleBooking }, "booking.details", "booking.code", "booking.menu"),
        Key(Booked, "2", SendSms, s => s with { Booking = SampleBooking }),
        Key(Booked, "3", BirthDate, s => s with { Booking = SampleBooking }, "book.household.start", "book.birth_date.ask_other"),
        Key(Booked, "4", Goodbye, s => s with { Booking = SampleBooking }, "goodbye"),
        Done(SendSms, new SmsResult(true), Booked, s => s with { Booking = SampleBooking }, "booking.sms.sent", "booking.menu"),
        Done(SendSms, new SmsResult(false), Booked, s => s with { Booking = SampleBooking }, "booking.sms.unavailable", "booking.code", "booking.menu"),
        Done(SendSms, new SmsRefused(AlreadySent: false), Booked, s => s with { Booking = SampleBooking }, "booking.sms.refused", "booking.code", "booking.menu"),
        Done(SendSms, new SmsRefused(AlreadySent: true), Booked, s => s with { Booking = SampleBooking }, "booking.sms.already_sent", "booking.menu"),
        Key(ManageCode, "48213907#", BirthDate, null, "book.birth_date.ask"),
        Done(LookupBooking, new BookingFound(SampleBooking), ManageFound, null, "manage.found", "manage.menu"),
        Done(LookupBooking, new BookingFound(SampleBooking with { Cancelled = true }), ManageDone, null, "manage.already_cancelled", "manage.done.menu"),
        Done(LookupBooking, new NotFound(), ManageCode, null, "manage.not_found", "manage.code.ask"),
        Done(LookupBooking, new NotFound(), Agent, s => s with { LookupAttempts = 2 }, "manage.not_found", "agent.transfer"),
        Key(ManageFound, "1", ConfirmCancel, s => s with { Booking = SampleBooking }, "manage.cancel.confirm"),
        Key(ManageFound, "2", Goodbye, s => s with { Booking = SampleBooking }, "manage.kept", "goodbye"),
        Key(ConfirmCancel, "1", CancelBooking, s => s with { Booking = SampleBooking }),
        Key(ConfirmCancel, "2", Goodbye, s => s with { Booking = SampleBooking }, "manage.kept", "goodbye"),
        Done(CancelBooking, new BookingCancelled(SampleBooking with { Cancelled = true }), ManageDone, null, "manage.cancelled", "manage.done.menu"),
        Done(CancelBooking, new AlreadyCancelled(), ManageDone, null, "manage.already_cancelled", "manage.done.menu"),
        Done(CancelBooking, new NotFound(), ManageDone, null, "manage.not_found", "manage.done.menu"),
        Key(ManageDone, "1", CheckEligibility, s => s with { BirthDate = Born, Booking = SampleBooking with { Cancelled = true } }),
        Key(ManageDone, "2", Goodbye, null, "goodbye"),
        Key(FacilityCode, "700123#", Residents, s => s with { Purpose = Purpose.GroupVisit }, "group.residents.ask"),
        Key(FacilityCode, "700123#", FacilityPin, s => Group(s) with { FacilityPin = null }, "group.pin.ask"),
        Key(Residents, "40#", Staff, null, "group.staff.ask"),
        Key(Staff, "12#", ConfirmCounts, s => s with { Residents = 40 }, "group.count.confirm"),
        Key(ConfirmCounts, "1", GroupDate, s => s with { Residents = 40, StaffCount = 12 }, "group.date.ask"),
        Key(ConfirmCounts, "2", Residents, s => s with { Residents = 40, StaffCount = 12 }, "group.residents.ask"),
        Key(GroupDate, "1203#", ConfirmGroupDate, null, "date.confirm"),
        Key(ConfirmGroupDate, "1", MoreGroupDates, s => s with { DraftGroupDate = VisitDay }, "group.date.more"),
        Key(ConfirmGroupDate, "1", ConfirmPhone, s => s with { DraftGroupDate = VisitDay, GroupDates = [.. Enumerable.Repeat(VisitDay, 4)] }, "group.date.max_reached", "book.phone.confirm"),
        Key(ConfirmGroupDate, "2", GroupDate, s => s with { DraftGroupDate = VisitDay }, "group.date.ask"),
        Key(MoreGroupDates, "1", GroupDate, s => s with { GroupDates = [VisitDay] }, "group.date.ask"),
        Key(MoreGroupDates, "2", ConfirmPhone, s => s with { GroupDates = [VisitDay] }, "book.phone.confirm"),
        Key(FacilityPin, "2468#", VerifyFacility, Group),
        Done(VerifyFacility, new FacilityVerified("Maple Grove"), SubmitGroupVisit, Group),
        Done(VerifyFacility, new FacilityRejected(2), FacilityRetry, Group, "group.pin.invalid", "group.retry.menu"),
        Done(VerifyFacility, new FacilityRejected(1), Agent, s => Group(s) with { FacilityAttempts = 2 }, "group.pin.invalid", "agent.transfer"),
        Done(VerifyFacility, new FacilityLocked(), Agent, Group, "group.locked"),
        Key(FacilityRetry, "1", FacilityCode, Group, "group.code.ask"),
        Key(FacilityRetry, "2", Agent, Group, "agent.transfer"),
        Done(SubmitGroupVisit, new GroupVisitSubmitted("731904"), GroupSubmitted, s => Group(s) with { FacilityName = "Maple Grove" }, "group.submitted", "group.reference", "group.done.menu"),
        Done(SubmitGroupVisit, new FacilityRejected(2), FacilityRetry, Group, "group.pin.invalid", "group.retry.menu"),
        Done(SubmitGroupVisit, new FacilityRejected(1), Agent, s => Group(s) with { FacilityAttempts = 2 }, "group.pin.invalid", "agent.transfer"),
        Done(SubmitGroupVisit, new FacilityLocked(), Agent, Group, "group.locked"),
        Key(GroupSubmitted, "1", GroupSubmitted, s => s with { GroupReference = "731904" }, "group.reference", "group.done.menu"),
        Key(GroupSubmitted, "2", Goodbye, s => s with { GroupReference = "731904" }, "goodbye"),

        // The line is full (Admission): a call back in the caller's language, to a number read back.
        Key(LineBusy, "1", ConfirmPhone, s => s with { LanguageChosen = false }, "book.phone.confirm"),
        Key(LineBusy, "2", EnterPhone, s => s with { LanguageChosen = false, CallerId = null }, "book.phone.ask"),
        Key(ConfirmPhone, "1", SaveBusyCallback, s => s with { Purpose = Purpose.LineBusy }),
        Done(SaveBusyCallback, new Saved(), Goodbye, s => s with { Purpose = Purpose.LineBusy, CallbackNumber = "+14165550123" }, "busy.callback_saved", "goodbye"),

        // Features switched off by a supervisor: what the caller gets instead.
        Key(MainMenu, "1", MainMenu, null, "switch.new_bookings_paused", "menu.main").WhenOff(LineFeature.NewBookings),
        Key(MainMenu, "3", MainMenu, null, "switch.group_visits_paused", "menu.main").WhenOff(LineFeature.GroupVisits),
        Key(SystemDown, "1", Agent, null, "switch.new_bookings_paused", "agent.transfer").WhenOff(LineFeature.NewBookings),
        Key(SystemDown, "1", Agent, null, "switch.callbacks_paused", "agent.transfer").WhenOff(LineFeature.Callbacks),
        Key(NotEligible, "1", Goodbye, s => s with { GroupOpensOn = new(2027, 1, 15) }, "switch.callbacks_paused", "goodbye").WhenOff(LineFeature.Callbacks),
        Key(NoDateYet, "1", Goodbye, null, "switch.callbacks_paused", "goodbye").WhenOff(LineFeature.Callbacks),
        Key(WaitChoice, "2", SubmitRequest, s => s with { BirthDate = Born, Preferences = [AnyTime] }, "switch.callbacks_paused").WhenOff(LineFeature.Callbacks),
        Key(Waiting, "2", Waiting, s => s with { RequestId = "br_1" }, "switch.callbacks_paused", "book.wait.hold").WhenOff(LineFeature.Callbacks),
        Key(Booked, "2", Booked, s => s with { Booking = SampleBooking }, "switch.texts_paused", "booking.code", "booking.menu").WhenOff(LineFeature.Texts),
        Key(Booked, "3", Booked, s => s with { Booking = SampleBooking }, "switch.new_bookings_paused", "booking.menu").WhenOff(LineFeature.NewBookings),
        Key(ManageDone, "1", Goodbye, s => s with { BirthDate = Born, Booking = SampleBooking with { Cancelled = true } }, "switch.new_bookings_paused", "goodbye").WhenOff(LineFeature.NewBookings),
    ];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Transition_FromStateWithTrigger_ReachesExpectedStateSayingExpectedPrompts(Row row)
    {
        var step = Run(row);

        Assert.Equal(row.To, step.Session.State);
        Assert.Equal(row.Says, step.Ids());
    }

    [Fact]
    public void Rows_ExerciseEveryTransitionOfEveryAskAndTask()
    {
        var exercised = ((IEnumerable<object[]>)Rows())
            .Select(r => (Row)r[0])
            .Select(row => (row.From.State, Trigger: Run(row).Trigger.Split(" → ")[row.Outcome is null ? 0 : 1]))
            .ToHashSet();

        var missing = Machine.Flow.States.Values
            .SelectMany(s => s.Transitions.Where(_ => s is AskState or TaskState).Select(t => (s.State, Trigger: t.Label)))
            .Where(t => !exercised.Contains(t))
            .ToList();

        Assert.Empty(missing);
    }

    private static Step Run(Row row)
    {
        var context = Context with { BackendDown = row.BackendDown, Switches = row.Off is null ? null : new LineSwitches(row.Off.ToHashSet()) };
        if (row.Outcome is not null)
        {
            return Machine.Complete(new Step(row.From, [], new DoWork(row.From.State), [], row.From.State, ""), row.Outcome, context);
        }

        if (row.Keys is null || Machine.Flow[row.From.State] is not AskState { Input: InputKind.Entry, Entry.Secret: false })
        {
            return Machine.Handle(row.From, row.Keys is null ? CallInput.None : Whole(row.Keys), context);
        }

        var first = Machine.Handle(row.From, CallInput.Of(row.Keys[..1]), context);
        return Machine.Handle(first.Session, CallInput.Of(row.Keys[1..].TrimEnd('#')), context);
    }

    private static CallInput Whole(string keys) => CallInput.Of(keys.TrimEnd('#'));
}
