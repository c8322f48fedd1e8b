using static PhoneBooking.IvrHost.CallFlow.CallState;

namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// The whole call flow in one place: every state, what it says, what it listens for and where
/// each answer leads. Rules shared by every prompt (* repeats, 0 reaches a person, 9 slows the
/// speech, three misses reach a person, a backend failure reaches a person) live in
/// <see cref="CallFlowMachine"/>. docs/call-flow.md is generated from this file by a test.
/// Ask = speak and listen; Task = the host does work (API, queue, SMS) and reports an outcome;
/// Decide = choose from the session alone; End = hang up or go to a person.
/// </summary>
public static class CallFlowDefinition
{
    public const int MaxPreferences = 5;
    public const int MaxGroupDates = 5;
    public const int MaxLookupAttempts = 3;

    /// <summary>About ten minutes of five-second hold loops before the caller is offered a callback again.</summary>
    public const int MaxPollsBeforeOfferingCallback = 60;

    private static readonly Guard Booking = new("booking", s => s.Purpose == Purpose.Book);
    private static readonly Guard Managing = new("checking a booking", s => s.Purpose == Purpose.Manage);
    private static readonly Guard Reminding = new("reminder", s => s.Purpose == Purpose.Reminder);
    private static readonly Guard Deferring = new("saving for later", s => s.Purpose == Purpose.Deferred);
    private static readonly Guard BackendDown = new("backend down", (_, context) => context.BackendDown);
    private static readonly Guard RequestComplete = new("all collected", s => s.BirthDate is not null && s.Preferences.Count > 0 && s.CallbackNumber is not null);
    private static readonly Guard HasPreferences = new("times chosen", s => s.BirthDate is not null && s.Preferences.Count > 0);
    private static readonly Guard HasBirthDate = new("birth date given", s => s.BirthDate is not null);
    private static readonly Guard HasCallerId = new("caller ID is a phone", s => s.CallerId is not null);
    private static readonly Guard FivePreferences = new("five choices", s => s.Preferences.Count >= MaxPreferences);
    private static readonly Guard FiveGroupDates = new("five dates", s => s.GroupDates.Count >= MaxGroupDates);
    private static readonly Guard ForHousehold = new("next person, same times", s => s.Person > 0 && s.Preferences.Count > 0);
    private static readonly Guard LookupsLeft = new("tries left", s => s.LookupAttempts + 1 < MaxLookupAttempts);
    private static readonly Guard WaitedLong = new("waited long", s => s.Polls >= MaxPollsBeforeOfferingCallback);

    public static CallFlow Build()
    {
        var flow = new CallFlowBuilder();

        flow.Entry(CallEntry.NewCaller, Language, "welcome");
        flow.Entry(CallEntry.ReturningCaller, Resume, "welcome");
        flow.Entry(CallEntry.OfferCallback, CheckStatus, "callback.intro", "callback.offer_ready");
        flow.Entry(CallEntry.AgentCallback, Agent, "callback.intro", "callback.agent_ready");
        flow.Entry(CallEntry.EligibilityCallback, BirthDate, "callback.intro", "callback.eligible_now");
        flow.Entry(CallEntry.AnsweringMachine, Voicemail);

        flow.Ask(Language, "language.choose", InputSpec.Menu)
            .OnKey("1", CheckBackend, s => s with { Locale = "en-CA" }, say: "help.keys")
            .OnKey("2", CheckBackend, s => s with { Locale = "fr-CA" }, say: "help.keys");

        flow.Decide(CheckBackend)
            .When(BackendDown, SystemDown)
            .Otherwise(MainMenu);

        // The backend is down: say so at once; save the request for later, or a person.
        flow.Ask(SystemDown, ["system.down", "system.down.menu"], InputSpec.Menu)
            .OnKey("1", DeferBooking, s => s with { Purpose = Purpose.Deferred })
            .OnKey("2", Agent, s => s with { Handoff = HandoffReason.BackendDown }, say: "agent.transfer");

        flow.Decide(DeferBooking)
            .When(RequestComplete, SaveDeferredRequest)
            .When(HasPreferences, ChoosePhone)
            .When(HasBirthDate, PreferenceDay, say: "book.pref.intro")
            .Otherwise(BirthDate);

        flow.Task(SaveDeferredRequest)
            .On<Saved>("saved", Goodbye, say: "system.down.callback_saved");

        flow.Ask(Resume, "resume.offer", InputSpec.Menu)
            .OnKey("1", CheckStatus)
            .OnKey("2", CheckBackend, StartOver);

        flow.Ask(MainMenu, "menu.main", InputSpec.Menu)
            .OnKey("1", BirthDate, s => s with { Purpose = Purpose.Book })
            .OnKey("2", ManageCode, s => s with { Purpose = Purpose.Manage })
            .OnKey("3", FacilityCode);

        // Booking: who, when, how to reach them, then the offer.
        flow.Ask(BirthDate, "book.birth_date.ask", InputSpec.Digits(8, speech: true), help: "book.birth_date.help")
            .OnEntry(Entries.BirthDate, ConfirmBirthDate, (s, date) => s with { BirthDate = date });

        flow.Ask(ConfirmBirthDate, "book.birth_date.confirm", InputSpec.Menu)
            .OnKey("1", PreferenceDay, when: Deferring, say: "book.pref.intro")
            .OnKey("1", CheckEligibility, when: Booking, say: "book.checking")
            .OnKey("1", LookupBooking, when: Managing)
            .OnKey("2", BirthDate);

        flow.Task(CheckEligibility)
            .On<EligibilityChecked>("eligible", SamePreferences, when: o => o.Eligible, guard: ForHousehold)
            .On<EligibilityChecked>("eligible", PreferenceDay, when: o => o.Eligible, say: "book.pref.intro")
            .On<EligibilityChecked>("opens later", NotEligible, (s, o) => s with { GroupOpensOn = o.OpensOn }, when: o => o.OpensOn is not null)
            .On<EligibilityChecked>("no date yet", Goodbye, say: "book.not_eligible.no_date")
            .On<BackendFailed>("failed", SystemDown, guard: BackendDown);

        flow.Ask(NotEligible, ["book.not_eligible", "book.reminder.offer"], InputSpec.Menu)
            .OnKey("1", ChoosePhone, s => s with { Purpose = Purpose.Reminder })
            .OnKey("2", Goodbye);

        flow.Task(SaveReminder)
            .On<Saved>("saved", Goodbye, say: "book.reminder.confirmed");

        flow.Ask(SamePreferences, "book.household.same_prefs", InputSpec.Menu)
            .OnKey("1", SubmitRequest)
            .OnKey("2", PreferenceDay, s => s with { Preferences = [] });

        flow.Ask(PreferenceDay, "book.pref.day.ask", InputSpec.Menu)
            .OnKey("1", PreferenceTime, s => s with { DraftDate = null })
            .OnKey("2", PreferenceDate);

        flow.Ask(PreferenceDate, "book.pref.date.ask", InputSpec.Digits(4), help: "book.pref.date.help")
            .OnEntry(Entries.MonthDay, PreferenceTime, (s, date) => s with { DraftDate = date });

        flow.Ask(PreferenceTime, "book.pref.time.ask", InputSpec.Menu)
            .OnKey("1", CountPreferences, s => AddPreference(s, PartOfDay.Morning), say: "book.pref.added")
            .OnKey("2", CountPreferences, s => AddPreference(s, PartOfDay.Afternoon), say: "book.pref.added")
            .OnKey("3", CountPreferences, s => AddPreference(s, PartOfDay.Evening), say: "book.pref.added")
            .OnKey("4", CountPreferences, s => AddPreference(s, PartOfDay.Any), say: "book.pref.added");

        flow.Decide(CountPreferences)
            .When(FivePreferences, ChoosePhone)
            .Otherwise(MorePreferences);

        flow.Ask(MorePreferences, "book.pref.more", InputSpec.Menu)
            .OnKey("1", PreferenceDay)
            .OnKey("2", ChoosePhone);

        flow.Decide(ChoosePhone)
            .When(HasCallerId, ConfirmPhone)
            .Otherwise(EnterPhone);

        flow.Ask(ConfirmPhone, "book.phone.confirm", InputSpec.Menu)
            .OnKey("1", SaveReminder, UseNumberRead, when: Reminding)
            .OnKey("1", SaveDeferredRequest, UseNumberRead, when: Deferring)
            .OnKey("1", SubmitRequest, UseNumberRead)
            .OnKey("2", EnterPhone);

        flow.Ask(EnterPhone, "book.phone.ask", InputSpec.Digits(), help: "book.phone.help")
            .OnEntry(Entries.PhoneNumber, ConfirmPhone, (s, phone) => s with { CallbackNumber = phone });

        flow.Task(SubmitRequest)
            .On<RequestSubmitted>("queued", WaitChoice, (s, o) => s with { RequestId = o.RequestId, QueuePosition = o.QueuePosition }, say: "book.submitted")
            .On<BackendFailed>("failed", SystemDown, guard: BackendDown);

        flow.Ask(WaitChoice, "book.wait.choice", InputSpec.Menu)
            .OnKey("1", Waiting, s => s with { Polls = 0 })
            .OnKey("2", SaveOfferCallback);

        flow.Task(SaveOfferCallback)
            .On<Saved>("saved", Goodbye, say: "book.callback.confirmed");

        flow.Ask(Waiting, "book.wait.hold", InputSpec.Hold)
            .OnSilence(CheckStatus, s => s with { Polls = s.Polls + 1 })
            .OnKey("2", SaveOfferCallback);

        flow.Task(CheckStatus)
            .On<StatusChecked>("offer made", StartHold, (s, o) => s with { Offer = o.Offer }, when: o => o.Progress == RequestProgress.Offered)
            .On<StatusChecked>("already booked", Booked, (s, o) => s with { Booking = o.Booking }, when: o => o.Progress == RequestProgress.Booked)
            .On<StatusChecked>("no more offers", Agent, (s, _) => s with { Handoff = HandoffReason.NoSuitableOffer }, when: o => o.Progress == RequestProgress.Closed, say: "offer.no_more")
            .On<StatusChecked>("still queued", WaitChoice, (s, o) => s with { QueuePosition = o.QueuePosition, Polls = 0 }, guard: WaitedLong, say: "book.wait.hold_long")
            .On<StatusChecked>("still queued", Waiting, (s, o) => s with { QueuePosition = o.QueuePosition });

        flow.Task(StartHold)
            .On<HoldStarted>("held", Offer, (s, o) => s with { Offer = o.Offer })
            .On<OfferGone>("gone", Waiting, (s, _) => s with { Offer = null }, say: "offer.expired");

        flow.Ask(Offer, ["offer.present", "offer.held", "offer.menu"], InputSpec.Menu)
            .OnKey("1", AcceptOffer)
            .OnKey("2", DeclineOffer);

        flow.Task(AcceptOffer)
            .On<OfferAccepted>("booked", Booked, (s, o) => s with { Booking = o.Booking, Offer = null }, say: "offer.accepted")
            .On<OfferGone>("expired", Waiting, (s, _) => s with { Offer = null }, say: "offer.expired");

        flow.Task(DeclineOffer)
            .On<OfferDeclined>("back in line", Waiting, (s, _) => s with { Offer = null, Polls = 0 }, when: o => o.Requeued, say: "offer.declined")
            .On<OfferDeclined>("no more offers", Agent, (s, _) => s with { Offer = null, Handoff = HandoffReason.NoSuitableOffer }, say: "offer.no_more")
            .On<OfferGone>("expired", Waiting, (s, _) => s with { Offer = null }, say: "offer.expired");

        flow.Ask(Booked, ["booking.code", "booking.menu"], InputSpec.Menu)
            .OnKey("1", Booked)
            .OnKey("2", SendSms)
            .OnKey("3", BirthDate, NextPerson, say: "book.household.start")
            .OnKey("4", Goodbye);

        flow.Task(SendSms)
            .On<SmsResult>("sent", Booked, when: o => o.Sent, say: "booking.sms.sent")
            .On<SmsResult>("cannot text", Booked, say: "booking.sms.unavailable")
            .On<SmsRefused>("already sent", Booked, when: o => o.AlreadySent, say: "booking.sms.already_sent")
            .On<SmsRefused>("refused", Booked, say: "booking.sms.refused");

        // Check or cancel: confirmation code, then birth date.
        flow.Ask(ManageCode, "manage.code.ask", InputSpec.Digits(8), help: "manage.code.help")
            .OnEntry(Entries.ConfirmationCode, BirthDate, (s, code) => s with { LookupCode = code });

        flow.Task(LookupBooking)
            .On<BookingFound>("cancelled already", MainMenu, when: o => o.Booking.Cancelled, say: "manage.already_cancelled")
            .On<BookingFound>("found", ManageFound, (s, o) => s with { Booking = o.Booking })
            .On<NotFound>("not found", ManageCode, (s, _) => s with { LookupAttempts = s.LookupAttempts + 1 }, guard: LookupsLeft, say: "manage.not_found")
            .On<NotFound>("not found", Agent, (s, _) => s with { Handoff = HandoffReason.RepeatedInputFailures }, say: "input.too_many");

        flow.Ask(ManageFound, ["manage.found", "manage.menu"], InputSpec.Menu)
            .OnKey("1", ConfirmCancel)
            .OnKey("2", MainMenu);

        flow.Ask(ConfirmCancel, "manage.cancel.confirm", InputSpec.Menu)
            .OnKey("1", CancelBooking)
            .OnKey("2", MainMenu, say: "manage.kept");

        flow.Task(CancelBooking)
            .On<BookingCancelled>("cancelled", MainMenu, (s, o) => s with { Booking = o.Booking }, say: "manage.cancelled")
            .On<AlreadyCancelled>("cancelled already", MainMenu, say: "manage.already_cancelled")
            .On<NotFound>("not found", MainMenu, say: "manage.not_found");

        // Retirement homes: facility code and PIN, head counts, dates.
        flow.Ask(FacilityCode, "group.code.ask", InputSpec.Digits())
            .OnEntry(Entries.FacilityCode, FacilityPin, (s, code) => s with { FacilityCode = code });

        flow.Ask(FacilityPin, "group.pin.ask", InputSpec.Digits())
            .OnEntry(Entries.Pin, VerifyFacility, (s, pin) => s with { FacilityPin = pin });

        flow.Task(VerifyFacility)
            .On<FacilityVerified>("verified", Residents, (s, o) => s with { FacilityName = o.SpokenName }, say: "group.verified")
            .On<FacilityRejected>("wrong code or PIN", FacilityCode, (s, _) => s with { FacilityPin = null }, say: "group.pin.invalid")
            .On<FacilityLocked>("locked", Agent, (s, _) => s with { FacilityPin = null, Handoff = HandoffReason.FacilityLocked }, say: "group.locked");

        flow.Ask(Residents, "group.residents.ask", InputSpec.Digits())
            .OnEntry(Entries.Count, StaffQuestion, (s, count) => s with { Residents = count });

        flow.Ask(StaffQuestion, "group.staff.question", InputSpec.Menu)
            .OnKey("1", Staff)
            .OnKey("2", ConfirmCounts, s => s with { StaffCount = 0 });

        flow.Ask(Staff, "group.staff.ask", InputSpec.Digits())
            .OnEntry(Entries.Count, ConfirmCounts, (s, count) => s with { StaffCount = count });

        flow.Ask(ConfirmCounts, "group.count.confirm", InputSpec.Menu)
            .OnKey("1", GroupDate)
            .OnKey("2", Residents);

        flow.Ask(GroupDate, "group.date.ask", InputSpec.Digits(4), help: "book.pref.date.help")
            .OnEntry(Entries.MonthDay, CountGroupDates, (s, date) => s with { GroupDates = [.. s.GroupDates, date] });

        flow.Decide(CountGroupDates)
            .When(FiveGroupDates, SubmitGroupVisit)
            .Otherwise(MoreGroupDates);

        flow.Ask(MoreGroupDates, "group.date.more", InputSpec.Menu)
            .OnKey("1", GroupDate)
            .OnKey("2", SubmitGroupVisit);

        flow.Task(SubmitGroupVisit)
            .On<GroupVisitSubmitted>("queued", GroupSubmitted, (s, o) => s with { GroupReference = o.Reference });

        flow.Ask(GroupSubmitted, ["group.submitted", "group.done.menu"], InputSpec.Menu)
            .OnKey("1", GroupSubmitted)
            .OnKey("2", Goodbye);

        flow.End(Agent, Ending.ToAgent);
        flow.End(Goodbye, Ending.HangUp, "goodbye");
        flow.End(Voicemail, Ending.HangUp, "callback.machine");

        return flow.Build();
    }

    private static CallSession UseNumberRead(CallSession s) => s with { CallbackNumber = s.CallbackNumber ?? s.CallerId };

    private static CallSession AddPreference(CallSession s, PartOfDay part) =>
        s with { Preferences = [.. s.Preferences, new Preference(s.DraftDate, part)], DraftDate = null };

    /// <summary>Booking for someone else at home: keep the language, phone and times; forget the person.</summary>
    private static CallSession NextPerson(CallSession s) => s with
    {
        Person = s.Person + 1,
        Purpose = Purpose.Book,
        BirthDate = null,
        GroupOpensOn = null,
        RequestId = null,
        QueuePosition = null,
        Offer = null,
        Booking = null,
        Polls = 0,
    };

    private static CallSession StartOver(CallSession s) => s with
    {
        ResumableCallSid = null,
        RequestId = null,
        BirthDate = null,
        Preferences = [],
        CallbackNumber = null,
    };
}
