using static PhoneBooking.IvrHost.CallFlow.CallState;

namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// The whole call flow in one place: every state, what it says, what it listens for and where
/// each answer leads. Rules shared by every prompt (* repeats, 0 reaches a person, 9 slows the
/// speech, spoken answers, what missed answers lead to) live in <see cref="CallFlowMachine"/>;
/// the words and their values in <see cref="Lines"/>. docs/call-flow.md is generated from this file.
/// Menu/Ask = speak and listen; Hold = wait on the line; Task = the host does work (API, queue, SMS)
/// and reports an outcome; Decide = choose from the session alone; End = hang up or go to a person.
/// </summary>
public static class CallFlowDefinition
{
    public const int MaxPreferences = 5;
    public const int MaxGroupDates = 5;
    public const int MaxLookupAttempts = 3;

    /// <summary>Wrong birth dates before a call can no longer be continued from this caller ID.</summary>
    public const int MaxResumeAttempts = 3;

    /// <summary>Wrong facility codes or PINs in one call before a person takes over (the API locks sooner or later too).</summary>
    public const int MaxFacilityAttempts = 3;

    /// <summary>A group without an opening date: we offer to call again this many days later.</summary>
    public const int CheckAgainDays = 14;

    /// <summary>About ten minutes of five-second hold rounds before the caller is offered a callback again.</summary>
    public const int MaxPollsBeforeOfferingCallback = 120;

    /// <summary>Hold rounds between two "still looking" messages: quiet between, never long silence.</summary>
    public const int PollsBetweenHoldMessages = 3;

    private static readonly Guard Managing = new("checking a booking", s => s.Purpose == Purpose.Manage);
    private static readonly Guard Reminding = new("reminder", s => s.Purpose == Purpose.Reminder);
    private static readonly Guard Deferring = new("saving for later", s => s.Purpose == Purpose.Deferred);
    private static readonly Guard Resuming = new("continuing a request", s => s.Purpose == Purpose.Resume);
    private static readonly Guard GroupVisiting = new("group visit", s => s.Purpose == Purpose.GroupVisit);
    private static readonly Guard LineWasFull = new("line full", s => s.Purpose == Purpose.LineBusy);
    private static readonly Guard BackendDown = new("backend down", (_, context) => context.BackendDown);
    private static readonly Guard CanResume = new("open request from this caller ID", s => s.ResumableCallSid is not null);
    private static readonly Guard RequestComplete = new("all collected", s => s.BirthDate is not null && s.Preferences.Count > 0 && s.CallbackNumber is not null);
    private static readonly Guard HasPreferences = new("times chosen", s => s.BirthDate is not null && s.Preferences.Count > 0);
    private static readonly Guard HasBirthDate = new("birth date given", s => s.BirthDate is not null);
    private static readonly Guard HasNumber = new("a number to use", s => (s.CallbackNumber ?? s.CallerId) is not null);
    private static readonly Guard FirstAvailable = new("first time available", s => s.Preferences[^1].IsFirstAvailable);
    private static readonly Guard FivePreferences = new("five choices", s => s.Preferences.Count >= MaxPreferences);
    private static readonly Guard FiveGroupDates = new("five dates", s => s.GroupDates.Count >= MaxGroupDates);
    private static readonly Guard ForHousehold = new("next person, same times", s => s.Person > 0 && s.Preferences.Count > 0);
    private static readonly Guard Submitted = new("request sent", s => s.RequestId is not null);
    private static readonly Guard WantsCallback = new("call back chosen", s => s.WantsCallback);
    private static readonly Guard LookupsLeft = new("tries left", s => s.LookupAttempts + 1 < MaxLookupAttempts);
    private static readonly Guard ResumeTriesLeft = new("tries left", s => s.ResumeAttempts + 1 < MaxResumeAttempts);
    private static readonly Guard FacilityTriesLeft = new("tries left", s => s.FacilityAttempts + 1 < MaxFacilityAttempts);
    private static readonly Guard GroupDetailsKnown = new("counts and dates given", s => s.Residents is not null && s.GroupDates.Count > 0 && s.CallbackNumber is not null);
    private static readonly Guard NewBookingsOff = new("new bookings off", (_, c) => c.IsOff(LineFeature.NewBookings));
    private static readonly Guard GroupVisitsOff = new("group visits off", (_, c) => c.IsOff(LineFeature.GroupVisits));
    private static readonly Guard CallbacksOff = new("callbacks off", (_, c) => c.IsOff(LineFeature.Callbacks));
    private static readonly Guard TextsOff = new("texts off", (_, c) => c.IsOff(LineFeature.Texts));
    private static readonly Guard WaitedLong = new("waited long", s => s.Polls >= MaxPollsBeforeOfferingCallback);

    /// <summary>While waiting: quiet rounds, a short "still looking" every few.</summary>
    private static readonly Prompt HoldRound = Prompt.OnlyIf((s, _) => s.Polls > 0 && s.Polls % PollsBetweenHoldMessages == 0, Lines.HoldStill);

    private static readonly string[] CallBack = ["call back", "call me back", "callback", "rappel", "rappelez moi", "rappelez-moi"];

    public static CallFlow Build()
    {
        var flow = new CallFlowBuilder();

        // Both languages from the first word, each in its own voice; a returning caller chooses too,
        // so nothing of an earlier call (not even its language) is said before they prove who they are.
        flow.StartAt(CallEntry.NewCaller, Language, Lines.Welcome);
        flow.StartAt(CallEntry.ReturningCaller, Language, Lines.Welcome);
        flow.StartAt(CallEntry.OfferCallback, CheckStatus, Lines.CallbackIntro, Lines.OfferReady);
        flow.StartAt(CallEntry.AgentCallback, Agent, Lines.CallbackIntro, Lines.AgentConnecting);
        flow.StartAt(CallEntry.EligibilityCallback, BirthDate, Lines.CallbackIntro, Lines.ReminderCall);
        flow.StartAt(CallEntry.AnsweringMachine, Voicemail);
        flow.StartAt(CallEntry.TooManyCalls, TooManyCalls);
        flow.StartAt(CallEntry.LineBusy, LineBusy, Lines.Welcome, Lines.LineBusy);
        flow.StartAt(CallEntry.BusyCallback, CheckBackend, Lines.CallbackIntro, Lines.BusyCallback, Lines.HelpKeys);

        // The line is full (Admission, decided before the call starts): a call back to a number read back, in the
        // caller's language; 0 reaches a person only when the door found agents with room (CallSession.AgentsFull).
        flow.Menu(LineBusy, Lines.LineBusyMenu)
            .OnKey("1", ChoosePhone, s => s with { Locale = "en-CA", LanguageChosen = true, Purpose = Purpose.LineBusy }, words: SpokenAnswers.English)
            .OnKey("2", ChoosePhone, s => s with { Locale = "fr-CA", LanguageChosen = true, Purpose = Purpose.LineBusy }, words: SpokenAnswers.French)
            .InEveryLanguage()
            .Patience(Patience.Done);

        flow.Task(SaveBusyCallback)
            .On<Saved>("saved", Goodbye, say: [Lines.BusyCallbackSaved]);

        flow.Menu(Language, Lines.LanguageChoice)
            .OnKey("1", CheckBackend, s => s with { Locale = "en-CA", LanguageChosen = true }, say: [Lines.HelpKeys], words: SpokenAnswers.English)
            .OnKey("2", CheckBackend, s => s with { Locale = "fr-CA", LanguageChosen = true }, say: [Lines.HelpKeys], words: SpokenAnswers.French)
            .InEveryLanguage();

        flow.Decide(CheckBackend)
            .When(BackendDown, SystemDown)
            .When(CanResume, Resume)
            .Otherwise(MainMenu);

        // The backend is down: say so at once; save the request for later, or a person.
        flow.Menu(SystemDown, Lines.SystemDown, Lines.SystemDownMenu)
            .OnKey("1", Agent, s => s with { Handoff = HandoffReason.BackendDown }, when: NewBookingsOff, say: [Lines.NewBookingsPaused, Lines.Transfer])
            .OnKey("1", Agent, s => s with { Handoff = HandoffReason.BackendDown }, when: CallbacksOff, say: [Lines.CallbacksPaused, Lines.Transfer])
            .OnKey("1", DeferBooking, s => s with { Purpose = Purpose.Deferred }, words: CallBack)
            .OnKey("2", Agent, s => s with { Handoff = HandoffReason.BackendDown }, say: [Lines.Transfer]);

        flow.Decide(DeferBooking)
            .When(RequestComplete, SaveDeferredRequest)
            .When(HasPreferences, ChoosePhone)
            .When(HasBirthDate, PreferenceDay, say: [Lines.PreferencesIntro])
            .Otherwise(BirthDate);

        flow.Task(SaveDeferredRequest)
            .On<Saved>("saved", Goodbye, say: [Lines.DeferredSaved]);

        // Caller ID is a hint, not identity: the birth date of the request opens it, with few tries.
        flow.Menu(Resume, Lines.ResumeOffer)
            .OnKey("1", BirthDate, s => s with { Purpose = Purpose.Resume }, say: [Lines.ResumeVerify], words: SpokenAnswers.Yes)
            .OnKey("2", MainMenu, StartOver, words: SpokenAnswers.No);

        // A feature turned off (switches): said when chosen, and the menu again; checking a booking always works.
        flow.Menu(MainMenu, Lines.MainMenu)
            .OnKey("1", MainMenu, when: NewBookingsOff, say: [Lines.NewBookingsPaused])
            .OnKey("3", MainMenu, when: GroupVisitsOff, say: [Lines.GroupVisitsPaused])
            .OnKey("1", BirthDate, s => s with { Purpose = Purpose.Book })
            .OnKey("2", ManageCode, s => s with { Purpose = Purpose.Manage })
            .OnKey("3", FacilityCode, s => s with { Purpose = Purpose.GroupVisit });

        // Booking: who.
        flow.Ask(BirthDate, Entries.BirthDate, Lines.BirthDateHelp, Lines.BirthDateAsk)
            .OnEntry(Entries.BirthDate, ConfirmBirthDate, (s, date) => s with { BirthDate = date });

        flow.Menu(ConfirmBirthDate, Lines.BirthDateConfirm)
            .OnKey("1", AfterBirthDate, words: SpokenAnswers.Yes)
            .OnKey("2", BirthDate, words: SpokenAnswers.No);

        flow.Decide(AfterBirthDate)
            .When(Deferring, PreferenceDay, say: [Lines.PreferencesIntro])
            .When(Managing, LookupBooking)
            .When(Resuming, VerifyCaller)
            .Otherwise(CheckEligibility);

        flow.Task(VerifyCaller)
            .On<CallerVerified>("same birth date", ResumeStatus, (s, o) => Continue(s, o.Previous))
            .On<CallerNotVerified>("no match", BirthDate, (s, _) => s with { ResumeAttempts = s.ResumeAttempts + 1, BirthDate = null }, guard: ResumeTriesLeft, say: [Lines.ResumeNotMatched], emit: [new CallerUnverified(Refused: false)])
            .On<CallerNotVerified>("no match", RefuseResume, (s, _) => s with { ResumeAttempts = s.ResumeAttempts + 1 });

        // Too many wrong birth dates: that call can no longer be continued from any caller ID.
        flow.Task(RefuseResume)
            .On<Saved>("refused", MainMenu, (s, _) => StartOver(s), say: [Lines.ResumeStartOver], emit: [new CallerUnverified(Refused: true)]);

        flow.Task(ResumeStatus)
            .On<StatusChecked>("offer made", StartHold, (s, o) => s with { Offer = o.Offer }, when: o => o.Progress == RequestProgress.Offered)
            .On<StatusChecked>("already booked", Booked, (s, o) => s with { Booking = o.Booking }, when: o => o.Progress == RequestProgress.Booked, say: [Lines.BookingDetails, Lines.BookingCode])
            .On<StatusChecked>("no more offers", Agent, (s, _) => s with { Handoff = HandoffReason.NoSuitableOffer }, when: o => o.Progress == RequestProgress.Closed, say: [Lines.NoMoreOffers])
            .On<StatusChecked>("still queued", WaitChoice, (s, o) => s with { QueuePosition = o.QueuePosition }, say: [Lines.StillQueued]);

        flow.Task(CheckEligibility)
            .On<EligibilityChecked>("eligible", SamePreferences, when: o => o.Eligible, guard: ForHousehold)
            .On<EligibilityChecked>("eligible", PreferenceDay, when: o => o.Eligible, say: [Lines.PreferencesIntro])
            .On<EligibilityChecked>("opens later", NotEligible, (s, o) => s with { GroupOpensOn = o.OpensOn }, when: o => o.OpensOn is not null)
            .On<EligibilityChecked>("no date yet", NoDateYet)
            .On<BackendFailed>("failed", SystemDown, guard: BackendDown);

        flow.Menu(NotEligible, Lines.NotEligible, Lines.ReminderOffer)
            .OnKey("1", Goodbye, when: CallbacksOff, say: [Lines.CallbacksPaused], words: SpokenAnswers.Yes)
            .OnKey("1", ChoosePhone, s => s with { Purpose = Purpose.Reminder, ReminderOn = s.GroupOpensOn }, words: SpokenAnswers.Yes)
            .OnKey("2", Goodbye, words: SpokenAnswers.No)
            .Patience(Patience.Done);

        flow.Menu(NoDateYet, Lines.NoDateYet, Lines.ReminderOfferLater)
            .OnKey("1", Goodbye, when: CallbacksOff, say: [Lines.CallbacksPaused], words: SpokenAnswers.Yes)
            .OnKey("1", ChoosePhone, applyOn: (s, c) => s with { Purpose = Purpose.Reminder, ReminderOn = c.Today.AddDays(CheckAgainDays) }, words: SpokenAnswers.Yes)
            .OnKey("2", Goodbye, words: SpokenAnswers.No)
            .Patience(Patience.Done);

        flow.Task(SaveReminder)
            .On<Saved>("saved", Goodbye, say: [Lines.ReminderConfirmed]);

        // Booking: when. The first time available is one key; a date is read back at once.
        flow.Menu(SamePreferences, Lines.SamePreferences)
            .OnKey("1", AfterPreferences, words: SpokenAnswers.Yes)
            .OnKey("2", PreferenceDay, s => s with { Preferences = [] }, words: SpokenAnswers.No);

        flow.Menu(PreferenceDay, Lines.PreferenceDay)
            .OnKey("1", CountPreferences, s => AddPreference(s with { DraftDate = null }, PartOfDay.Any), say: [Lines.PreferenceAdded])
            .OnKey("2", PreferenceDate)
            .OnKey("3", PreferenceTime, s => s with { DraftDate = null });

        flow.Ask(PreferenceDate, Entries.Day, Lines.DateHelp, Lines.PreferenceDate)
            .OnEntry(Entries.Day, ConfirmPreferenceDate, (s, date) => s with { DraftDate = date });

        flow.Menu(ConfirmPreferenceDate, Lines.PreferenceDateConfirm)
            .OnKey("1", PreferenceTime, words: SpokenAnswers.Yes)
            .OnKey("2", PreferenceDate, words: SpokenAnswers.No);

        flow.Menu(PreferenceTime, Lines.PreferenceTime)
            .OnKey("1", CountPreferences, s => AddPreference(s, PartOfDay.Morning), say: [Lines.PreferenceAdded])
            .OnKey("2", CountPreferences, s => AddPreference(s, PartOfDay.Afternoon), say: [Lines.PreferenceAdded])
            .OnKey("3", CountPreferences, s => AddPreference(s, PartOfDay.Evening), say: [Lines.PreferenceAdded])
            .OnKey("4", CountPreferences, s => AddPreference(s, PartOfDay.Any), say: [Lines.PreferenceAdded]);

        flow.Decide(CountPreferences)
            .When(FirstAvailable, AfterPreferences)
            .When(FivePreferences, AfterPreferences, say: [Lines.PreferencesFull])
            .Otherwise(MorePreferences);

        flow.Menu(MorePreferences, Lines.MorePreferences)
            .OnKey("1", PreferenceDay)
            .OnKey("2", AfterPreferences, words: SpokenAnswers.Finish);

        flow.Decide(AfterPreferences)
            .When(Deferring, ChoosePhone)
            .Otherwise(WaitChoice);

        // Booking: wait on the line, or hang up and be called back — the number is read back only for a call back.
        flow.Menu(WaitChoice, Lines.WaitChoice)
            .OnKey("1", AfterWaitChoice, s => s with { WantsCallback = false })
            .OnKey("2", AfterWaitChoice, s => s with { WantsCallback = false }, when: CallbacksOff, say: [Lines.CallbacksPaused], words: CallBack)
            .OnKey("2", ChoosePhone, s => s with { WantsCallback = true }, words: CallBack);

        flow.Decide(AfterWaitChoice)
            .When(Submitted, Waiting, s => s with { Polls = 0 }, say: [Lines.Hold])
            .When(HasNumber, SubmitRequest, UseNumberRead)
            .Otherwise(EnterPhone, say: [Lines.PhoneWhy]);

        flow.Decide(ChoosePhone)
            .When(HasNumber, ConfirmPhone)
            .Otherwise(EnterPhone);

        flow.Menu(ConfirmPhone, Lines.PhoneConfirm)
            .OnKey("1", AfterPhone, UseNumberRead, words: SpokenAnswers.Yes)
            .OnKey("2", EnterPhone, words: SpokenAnswers.No);

        flow.Ask(EnterPhone, Entries.PhoneNumber, Lines.PhoneHelp, Lines.PhoneAsk)
            .OnEntry(Entries.PhoneNumber, ConfirmPhone, (s, phone) => s with { CallbackNumber = phone });

        flow.Decide(AfterPhone)
            .When(LineWasFull, SaveBusyCallback)
            .When(Reminding, SaveReminder)
            .When(Deferring, SaveDeferredRequest)
            .When(GroupVisiting, FacilityPin)
            .When(Submitted, SaveOfferCallback)
            .Otherwise(SubmitRequest);

        flow.Task(SubmitRequest)
            .On<RequestSubmitted>("queued", AfterSubmit, (s, o) => s with { RequestId = o.RequestId, QueuePosition = o.QueuePosition }, say: [Lines.Submitted])
            .On<DuplicateRequest>("already has one", AlreadyRequested)
            .On<BackendFailed>("failed", SystemDown, guard: BackendDown);

        // One open request or booking per person: theirs is found by its code, the birth date already given.
        flow.Menu(AlreadyRequested, Lines.AlreadyRequested, Lines.AlreadyRequestedMenu)
            .OnKey("1", ManageCode, s => s with { Purpose = Purpose.Manage })
            .OnKey("2", Agent, s => s with { Handoff = HandoffReason.CallerAsked }, say: [Lines.Transfer])
            .Patience(Patience.Done);

        flow.Decide(AfterSubmit)
            .When(WantsCallback, SaveOfferCallback)
            .Otherwise(Waiting, s => s with { Polls = 0 }, say: [Lines.Hold]);

        flow.Task(SaveOfferCallback)
            .On<Saved>("saved", Goodbye, say: [Lines.CallbackConfirmed]);

        // Waiting on the line: quiet rounds that double as the poll; any key but 2 hears the choices again.
        flow.Hold(Waiting, Lines.Hold, HoldRound)
            .OnSilence(CheckStatus, s => s with { Polls = s.Polls + 1 })
            .OnKey("2", Waiting, when: CallbacksOff, say: [Lines.CallbacksPaused, Lines.Hold], words: CallBack)
            .OnKey("2", ChoosePhone, s => s with { WantsCallback = true }, words: CallBack);

        flow.Task(CheckStatus)
            .On<StatusChecked>("offer made", StartHold, (s, o) => s with { Offer = o.Offer }, when: o => o.Progress == RequestProgress.Offered)
            .On<StatusChecked>("already booked", Booked, (s, o) => s with { Booking = o.Booking }, when: o => o.Progress == RequestProgress.Booked, say: [Lines.BookingDetails, Lines.BookingCode])
            .On<StatusChecked>("no more offers", Agent, (s, _) => s with { Handoff = HandoffReason.NoSuitableOffer }, when: o => o.Progress == RequestProgress.Closed, say: [Lines.NoMoreOffers])
            .On<StatusChecked>("still queued", WaitChoice, (s, o) => s with { QueuePosition = o.QueuePosition, Polls = 0 }, guard: WaitedLong, say: [Lines.HoldLong])
            .On<StatusChecked>("still queued", Waiting, (s, o) => s with { QueuePosition = o.QueuePosition });

        flow.Task(StartHold)
            .On<HoldStarted>("held", Offer, (s, o) => s with { Offer = o.Offer })
            .On<OfferGone>("gone", Waiting, (s, _) => s with { Offer = null }, say: [Lines.OfferExpired, Lines.Hold]);

        // The offer: thinking it over is never a miss; the time is said to differ from what was asked.
        flow.Menu(Offer, Lines.OfferPresent, Lines.OfferNotPreferred, Lines.OfferHeld, Lines.OfferMenu)
            .OnKey("1", AcceptOffer, words: SpokenAnswers.Yes)
            .OnKey("2", DeclineOffer, words: SpokenAnswers.No)
            .Help(Lines.OfferMenu)
            .Patience(Patience.Thinking);

        flow.Task(AcceptOffer)
            .On<OfferAccepted>("booked", Booked, (s, o) => s with { Booking = o.Booking, Offer = null }, say: [Lines.OfferAccepted, Lines.BookingDetails, Lines.BookingCode], emit: [new AppointmentBooked()])
            .On<OfferGone>("expired", Waiting, (s, _) => s with { Offer = null }, say: [Lines.OfferExpired, Lines.Hold]);

        flow.Task(DeclineOffer)
            .On<OfferDeclined>("back in line", Waiting, (s, _) => s with { Offer = null, Polls = 0 }, when: o => o.Requeued, say: [Lines.OfferDeclined, Lines.Hold])
            .On<OfferDeclined>("no more offers", Agent, (s, _) => s with { Offer = null, Handoff = HandoffReason.NoSuitableOffer }, say: [Lines.NoMoreOffers])
            .On<OfferGone>("expired", Waiting, (s, _) => s with { Offer = null }, say: [Lines.OfferExpired, Lines.Hold]);

        // Booked: day, time and place read back with the code; a caller who is done is let go politely.
        flow.Menu(Booked, Lines.BookedMenu)
            .OnKey("1", Booked, say: [Lines.BookingDetails, Lines.BookingCode], words: SpokenAnswers.Yes)
            .OnKey("2", Booked, when: TextsOff, say: [Lines.TextsPaused, Lines.BookingCode])
            .OnKey("2", SendSms)
            .OnKey("3", Booked, when: NewBookingsOff, say: [Lines.NewBookingsPaused])
            .OnKey("3", BirthDate, NextPerson, say: [Lines.HouseholdStart])
            .OnKey("4", Goodbye, words: SpokenAnswers.Finish)
            .Patience(Patience.Done);

        flow.Task(SendSms)
            .On<SmsResult>("sent", Booked, when: o => o.Sent, say: [Lines.SmsSent])
            .On<SmsResult>("cannot text", Booked, say: [Lines.SmsUnavailable, Lines.BookingCode])
            .On<SmsRefused>("already sent", Booked, when: o => o.AlreadySent, say: [Lines.SmsAlreadySent])
            .On<SmsRefused>("refused", Booked, say: [Lines.SmsRefused, Lines.BookingCode]);

        // Check or cancel: confirmation code, then birth date.
        flow.Ask(ManageCode, Entries.ConfirmationCode, Lines.ManageCodeHelp, Lines.ManageCode)
            .OnEntry(Entries.ConfirmationCode, AfterManageCode, (s, code) => s with { LookupCode = code });

        flow.Decide(AfterManageCode)
            .When(HasBirthDate, LookupBooking)
            .Otherwise(BirthDate);

        flow.Task(LookupBooking)
            .On<BookingFound>("cancelled already", ManageDone, (s, o) => s with { Booking = o.Booking }, when: o => o.Booking.Cancelled, say: [Lines.AlreadyCancelled])
            .On<BookingFound>("found", ManageFound, (s, o) => s with { Booking = o.Booking })
            .On<NotFound>("not found", ManageCode, (s, _) => s with { LookupAttempts = s.LookupAttempts + 1, BirthDate = null }, guard: LookupsLeft, say: [Lines.NotFound])
            .On<NotFound>("not found", Agent, (s, _) => s with { Handoff = HandoffReason.RepeatedInputFailures }, say: [Lines.NotFound, Lines.Transfer]);

        flow.Menu(ManageFound, Lines.ManageFound, Lines.ManageMenu)
            .OnKey("1", ConfirmCancel)
            .OnKey("2", Goodbye, say: [Lines.Kept])
            .Patience(Patience.Done);

        flow.Menu(ConfirmCancel, Lines.CancelConfirm)
            .OnKey("1", CancelBooking, words: SpokenAnswers.Yes)
            .OnKey("2", Goodbye, say: [Lines.Kept], words: SpokenAnswers.No)
            .Patience(Patience.Done);

        flow.Task(CancelBooking)
            .On<BookingCancelled>("cancelled", ManageDone, (s, o) => s with { Booking = o.Booking }, say: [Lines.Cancelled])
            .On<AlreadyCancelled>("cancelled already", ManageDone, say: [Lines.AlreadyCancelled])
            .On<NotFound>("not found", ManageDone, say: [Lines.NotFound]);

        // After a cancellation: a new booking starts from the birth date already given.
        flow.Menu(ManageDone, Lines.ManageDone)
            .OnKey("1", Goodbye, when: NewBookingsOff, say: [Lines.NewBookingsPaused])
            .OnKey("1", CheckEligibility, s => s with { Purpose = Purpose.Book, Booking = null, LookupCode = null })
            .OnKey("2", Goodbye, words: SpokenAnswers.Finish)
            .Patience(Patience.Done);

        // Retirement homes: facility code, head counts, dates, a number; the PIN last, used once and never kept.
        flow.Ask(FacilityCode, Entries.FacilityCode, Lines.FacilityCodeHelp, Lines.FacilityCode)
            .OnEntry(Entries.FacilityCode, AfterFacilityCode, (s, code) => s with { FacilityCode = code });

        flow.Decide(AfterFacilityCode)
            .When(GroupDetailsKnown, FacilityPin)
            .Otherwise(Residents);

        flow.Ask(Residents, Entries.Residents, Lines.CountHelp, Lines.Residents)
            .OnEntry(Entries.Residents, Staff, (s, count) => s with { Residents = count });

        flow.Ask(Staff, Entries.Staff, Lines.CountHelp, Lines.Staff)
            .OnEntry(Entries.Staff, ConfirmCounts, (s, count) => s with { StaffCount = count });

        flow.Menu(ConfirmCounts, Lines.CountsConfirm)
            .OnKey("1", GroupDate, words: SpokenAnswers.Yes)
            .OnKey("2", Residents, words: SpokenAnswers.No);

        flow.Ask(GroupDate, Entries.Day, Lines.DateHelp, Lines.GroupDate)
            .OnEntry(Entries.Day, ConfirmGroupDate, (s, date) => s with { DraftGroupDate = date });

        flow.Menu(ConfirmGroupDate, Lines.GroupDateConfirm)
            .OnKey("1", CountGroupDates, s => s with { GroupDates = [.. s.GroupDates, Required.Value(s.DraftGroupDate)], DraftGroupDate = null }, words: SpokenAnswers.Yes)
            .OnKey("2", GroupDate, words: SpokenAnswers.No);

        flow.Decide(CountGroupDates)
            .When(FiveGroupDates, ChoosePhone, say: [Lines.GroupDatesFull])
            .Otherwise(MoreGroupDates);

        flow.Menu(MoreGroupDates, Lines.MoreGroupDates)
            .OnKey("1", GroupDate)
            .OnKey("2", ChoosePhone, words: SpokenAnswers.Finish);

        flow.Ask(FacilityPin, Entries.Pin, Lines.PinHelp, Lines.FacilityPin)
            .OnEntry(Entries.Pin, VerifyFacility, (s, pin) => s with { FacilityPin = pin });

        // A wrong code or PIN: try again, or a person; the last wrong try always reaches a person, never a loop.
        flow.Task(VerifyFacility)
            .On<FacilityVerified>("verified", SubmitGroupVisit, (s, o) => s with { FacilityName = o.SpokenName })
            .On<FacilityRejected>("wrong code or PIN", FacilityRetry, (s, _) => WrongTry(s), guard: FacilityTriesLeft, say: [Lines.FacilityRejected])
            .On<FacilityRejected>("wrong code or PIN", Agent, (s, _) => WrongTry(s) with { Handoff = HandoffReason.FacilityRejected }, say: [Lines.FacilityRejected, Lines.Transfer])
            .On<FacilityLocked>("locked", Agent, (s, _) => s with { Handoff = HandoffReason.FacilityLocked }, say: [Lines.FacilityLocked]);

        flow.Menu(FacilityRetry, Lines.FacilityRetry)
            .OnKey("1", FacilityCode, words: SpokenAnswers.Yes)
            .OnKey("2", Agent, s => s with { Handoff = HandoffReason.FacilityRejected }, say: [Lines.Transfer]);

        flow.Task(SubmitGroupVisit)
            .On<GroupVisitSubmitted>("queued", GroupSubmitted, (s, o) => s with { GroupReference = o.Reference }, say: [Lines.GroupSubmitted, Lines.GroupReference], emit: [new GroupVisitRequested()])
            .On<FacilityRejected>("wrong code or PIN", FacilityRetry, (s, _) => WrongTry(s), guard: FacilityTriesLeft, say: [Lines.FacilityRejected])
            .On<FacilityRejected>("wrong code or PIN", Agent, (s, _) => WrongTry(s) with { Handoff = HandoffReason.FacilityRejected }, say: [Lines.FacilityRejected, Lines.Transfer])
            .On<FacilityLocked>("locked", Agent, (s, _) => s with { Handoff = HandoffReason.FacilityLocked }, say: [Lines.FacilityLocked]);

        flow.Menu(GroupSubmitted, Lines.GroupDone)
            .OnKey("1", GroupSubmitted, say: [Lines.GroupReference], words: SpokenAnswers.Yes)
            .OnKey("2", Goodbye, words: SpokenAnswers.Finish)
            .Patience(Patience.Done);

        flow.End(Agent, Ending.ToAgent);
        flow.End(Goodbye, Ending.HangUp, Lines.Goodbye);
        flow.End(OfferKept, Ending.HangUp, Lines.OfferKept, Lines.Goodbye);
        flow.End(Voicemail, Ending.HangUp, Lines.Voicemail);
        flow.End(TooManyCalls, Ending.HangUp, Lines.TooManyCalls);

        return flow.Build();
    }

    private static CallSession WrongTry(CallSession s) => s with { FacilityAttempts = s.FacilityAttempts + 1 };

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

    /// <summary>The birth date matched: carry on with what the earlier call collected.</summary>
    private static CallSession Continue(CallSession s, CallSession previous) => s with
    {
        Purpose = Purpose.Book,
        Person = previous.Person,
        SlowSpeech = s.SlowSpeech || previous.SlowSpeech,
        Preferences = previous.Preferences,
        CallbackNumber = previous.CallbackNumber,
        RequestId = previous.RequestId,
    };

    private static CallSession StartOver(CallSession s) => s with
    {
        Purpose = Purpose.Book,
        ResumableCallSid = null,
        RequestId = null,
        BirthDate = null,
        Preferences = [],
        CallbackNumber = null,
    };
}
