using System.Reflection;
using PhoneBooking.Prompts.Speech;
using SpokenPart = PhoneBooking.Prompts.Speech.PartOfDay;

namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// Every prompt the line says, with the session values that fill its placeholders: the one place
/// that knows "{date}" is the offer's day in <c>offer.present</c> but the opening day in
/// <c>book.not_eligible</c>. The flow, the agent line, texts and callbacks all say their words from here.
/// </summary>
public static class Lines
{
    // Start of the call
    public static readonly Prompt Welcome = Prompt.Of("welcome");

    /// <summary>A number over its limit of new calls (CallerLimits), before the language is chosen: said in every language.</summary>
    public static readonly Prompt TooManyCalls = Prompt.Of("limit.too_many_calls");
    public static readonly Prompt Incident = Prompt.Of("welcome.incident", (_, c) => [("message", SpeechValue.Text(Required.Value(c.Incident)))]);
    public static readonly Prompt LanguageChoice = Prompt.Of("language.choose");
    public static readonly Prompt HelpKeys = Prompt.Of("help.keys");
    public static readonly Prompt MainMenu = Prompt.Of("menu.main");

    // A feature a supervisor turned off (switches): what the caller hears instead; none offers a key.
    public static readonly Prompt NewBookingsPaused = Prompt.Of("switch.new_bookings_paused");
    public static readonly Prompt GroupVisitsPaused = Prompt.Of("switch.group_visits_paused");
    public static readonly Prompt CallbacksPaused = Prompt.Of("switch.callbacks_paused");
    public static readonly Prompt TextsPaused = Prompt.Of("switch.texts_paused");

    // The shared rules
    public static readonly Prompt NoInput = Prompt.Of("input.no_input");
    public static readonly Prompt Invalid = Prompt.Of("input.invalid");
    public static readonly Prompt TooMany = Prompt.Of("input.too_many");
    public static readonly Prompt Slower = Prompt.Of("speech.slower");
    public static readonly Prompt Goodbye = Prompt.Of("goodbye");

    // A returning caller
    public static readonly Prompt ResumeOffer = Prompt.Of("resume.offer");
    public static readonly Prompt ResumeVerify = Prompt.Of("resume.verify");
    public static readonly Prompt ResumeNotMatched = Prompt.Of("resume.not_matched");
    public static readonly Prompt ResumeStartOver = Prompt.Of("resume.start_over");
    public static readonly Prompt StillQueued = Prompt.Of("resume.queued", (s, _) => [("position", SpeechValue.Count(s.QueuePosition ?? 1))]);

    // Booking: who
    public static readonly Prompt BirthDateAsk = Prompt.Either(s => s.Person > 0, Prompt.Of("book.birth_date.ask_other"), Prompt.Of("book.birth_date.ask"));
    public static readonly Prompt BirthDateHelp = Prompt.Of("book.birth_date.help");
    public static readonly Prompt BirthDateConfirm = Prompt.Of("book.birth_date.confirm", (s, _) => [("birth_date", SpeechValue.BirthDate(Required.Value(s.BirthDate)))]);
    public static readonly Prompt NotEligible = Prompt.Of("book.not_eligible", (s, c) => [("date", Day(Required.Value(s.GroupOpensOn), c))]);
    public static readonly Prompt ReminderOffer = Prompt.Of("book.reminder.offer");
    public static readonly Prompt NoDateYet = Prompt.Of("book.not_eligible.no_date");
    public static readonly Prompt ReminderOfferLater = Prompt.Of("book.reminder.offer_later");
    public static readonly Prompt ReminderConfirmed = Prompt.Of("book.reminder.confirmed", (s, c) => [("date", Day(Required.Value(s.ReminderOn), c))]);

    // Booking: when
    public static readonly Prompt PreferencesIntro = Prompt.Of("book.pref.intro");
    public static readonly Prompt PreferenceDay = Prompt.Of("book.pref.day.ask");
    public static readonly Prompt PreferenceDate = Prompt.Of("book.pref.date.ask");
    public static readonly Prompt DateHelp = Prompt.Of("date.help");
    public static readonly Prompt PreferenceDateConfirm = Prompt.Of("date.confirm", (s, c) => [("date", Day(Required.Value(s.DraftDate), c))]);
    public static readonly Prompt PreferenceTime = Prompt.Of("book.pref.time.ask");
    public static readonly Prompt PreferenceAdded = Prompt.Either(
        s => s.Preferences[^1].IsFirstAvailable,
        Prompt.Of("book.pref.added_first_available", (s, _) => [("rank", SpeechValue.Rank(s.Preferences.Count))]),
        Prompt.Either(
            s => s.Preferences[^1].Date is null,
            Prompt.Of("book.pref.added_earliest", (s, _) => [("rank", SpeechValue.Rank(s.Preferences.Count)), ("part", Part(s.Preferences[^1].PartOfDay))]),
            Prompt.Of("book.pref.added", (s, c) => [("rank", SpeechValue.Rank(s.Preferences.Count)), ("date", Day(s.Preferences[^1].Date!.Value, c)), ("part", Part(s.Preferences[^1].PartOfDay))])));

    public static readonly Prompt PreferencesFull = Prompt.Of("book.pref.max_reached");
    public static readonly Prompt MorePreferences = Prompt.Of("book.pref.more");
    public static readonly Prompt HouseholdStart = Prompt.Of("book.household.start");
    public static readonly Prompt SamePreferences = Prompt.Of("book.household.same_prefs");

    // Booking: how to reach them
    public static readonly Prompt WaitChoice = Prompt.Of("book.wait.choice");
    public static readonly Prompt PhoneConfirm = Prompt.Of("book.phone.confirm", (s, _) => [("phone", Phone(s))]);
    public static readonly Prompt PhoneWhy = Prompt.Of("book.phone.why");
    public static readonly Prompt PhoneAsk = Prompt.Of("book.phone.ask");
    public static readonly Prompt PhoneHelp = Prompt.Of("book.phone.help");
    public static readonly Prompt Submitted = Prompt.Of("book.submitted", (s, _) => [("position", SpeechValue.Count(s.QueuePosition ?? 1))]);
    public static readonly Prompt AlreadyRequested = Prompt.Of("book.duplicate");
    public static readonly Prompt AlreadyRequestedMenu = Prompt.Of("book.duplicate.menu");
    public static readonly Prompt Hold = Prompt.Of("book.wait.hold");
    public static readonly Prompt HoldStill = Prompt.Of("book.wait.still");
    public static readonly Prompt HoldLong = Prompt.Of("book.wait.hold_long");
    public static readonly Prompt CallbackConfirmed = Prompt.Of("book.callback.confirmed", (s, _) => [("phone", Phone(s))]);

    // The offer
    public static readonly Prompt OfferPresent = Prompt.Of("offer.present", (s, c) => Window(Required.Value(s.Offer).SiteId, s.Offer!.SpokenSiteName, s.Offer.WindowStart, s.Offer.WindowEnd, c));
    /// <summary>Said when the offer is none of the times the caller asked for: never a silent substitute.</summary>
    public static readonly Prompt OfferNotPreferred = Prompt.OnlyIf(
        (s, _) => s.Offer is { } offer && s.Preferences.Count > 0 && !s.Preferences.Any(p => p.Covers(offer.WindowStart)),
        Prompt.Of("offer.not_preferred"));
    public static readonly Prompt OfferHeld = Prompt.Of("offer.held", (s, _) => [("minutes", SpeechValue.Minutes(Required.Value(s.Offer).HoldMinutes))]);
    public static readonly Prompt OfferMenu = Prompt.Of("offer.menu");
    public static readonly Prompt TakeYourTime = Prompt.Of("offer.take_your_time");
    public static readonly Prompt OfferKept = Prompt.Of("offer.kept", (s, c) => [("minutes", SpeechValue.Minutes(MinutesLeft(Required.Value(s.Offer), c)))]);
    public static readonly Prompt OfferAccepted = Prompt.Of("offer.accepted");
    public static readonly Prompt OfferDeclined = Prompt.Of("offer.declined");
    public static readonly Prompt OfferExpired = Prompt.Of("offer.expired");
    public static readonly Prompt NoMoreOffers = Prompt.Of("offer.no_more");

    // Booked
    public static readonly Prompt BookingDetails = Prompt.Of("booking.details", (s, c) => Window(Required.Value(s.Booking).SiteId, s.Booking!.SpokenSiteName, s.Booking.WindowStart, s.Booking.WindowEnd, c));
    public static readonly Prompt BookingCode = Prompt.Of("booking.code", (s, _) => [("code", SpeechValue.Code(Required.Value(s.Booking).ConfirmationCode))]);
    public static readonly Prompt BookedMenu = Prompt.Of("booking.menu");
    public static readonly Prompt SmsSent = Prompt.Of("booking.sms.sent");
    public static readonly Prompt SmsUnavailable = Prompt.Of("booking.sms.unavailable");
    public static readonly Prompt SmsRefused = Prompt.Of("booking.sms.refused");
    public static readonly Prompt SmsAlreadySent = Prompt.Of("booking.sms.already_sent");

    /// <summary>The booking's text message (written forms: "10 h", "4821 3907"), with the line's number to call.</summary>
    public static readonly Prompt SmsBody = Prompt.Of("booking.sms.body", (s, c) =>
    [
        .. Window(Required.Value(s.Booking).SiteId, s.Booking!.SpokenSiteName, s.Booking.WindowStart, s.Booking.WindowEnd, c),
        ("code", SpeechValue.Code(s.Booking.ConfirmationCode)),
        ("line_number", SpeechValue.Phone(Required.Value(c.LineNumber))),
    ]);

    // Check or cancel
    public static readonly Prompt ManageCode = Prompt.Of("manage.code.ask");
    public static readonly Prompt ManageCodeHelp = Prompt.Of("manage.code.help");
    public static readonly Prompt ManageFound = Prompt.Of("manage.found", (s, c) => Window(Required.Value(s.Booking).SiteId, s.Booking!.SpokenSiteName, s.Booking.WindowStart, s.Booking.WindowEnd, c));
    public static readonly Prompt ManageMenu = Prompt.Of("manage.menu");
    public static readonly Prompt CancelConfirm = Prompt.Of("manage.cancel.confirm");
    public static readonly Prompt Cancelled = Prompt.Of("manage.cancelled", (s, c) => [("date", Day(DateOnly.FromDateTime(Required.Value(s.Booking).WindowStart.DateTime), c))]);
    public static readonly Prompt Kept = Prompt.Of("manage.kept");
    public static readonly Prompt NotFound = Prompt.Of("manage.not_found");
    public static readonly Prompt AlreadyCancelled = Prompt.Of("manage.already_cancelled");
    public static readonly Prompt ManageDone = Prompt.Of("manage.done.menu");

    // Retirement homes
    public static readonly Prompt FacilityCode = Prompt.Of("group.code.ask");
    public static readonly Prompt FacilityCodeHelp = Prompt.Of("group.code.help");
    public static readonly Prompt Residents = Prompt.Of("group.residents.ask");
    public static readonly Prompt Staff = Prompt.Of("group.staff.ask");
    public static readonly Prompt CountHelp = Prompt.Of("group.count.help");
    public static readonly Prompt CountsConfirm = Prompt.Of("group.count.confirm", (s, _) => [("residents", SpeechValue.Count(Required.Value(s.Residents))), ("staff", SpeechValue.Count(s.StaffCount ?? 0))]);
    public static readonly Prompt GroupDate = Prompt.Of("group.date.ask");
    public static readonly Prompt GroupDateConfirm = Prompt.Of("date.confirm", (s, c) => [("date", Day(Required.Value(s.DraftGroupDate), c))]);
    public static readonly Prompt GroupDatesFull = Prompt.Of("group.date.max_reached");
    public static readonly Prompt MoreGroupDates = Prompt.Of("group.date.more");
    public static readonly Prompt FacilityPin = Prompt.Of("group.pin.ask");
    public static readonly Prompt PinHelp = Prompt.Of("group.pin.help");
    public static readonly Prompt FacilityRejected = Prompt.Of("group.pin.invalid");
    public static readonly Prompt FacilityRetry = Prompt.Of("group.retry.menu");
    public static readonly Prompt FacilityLocked = Prompt.Of("group.locked");
    public static readonly Prompt GroupSubmitted = Prompt.Of("group.submitted", (s, _) => [("facility", SpeechValue.Place(Required.Value(s.FacilityName)))]);
    public static readonly Prompt GroupReference = Prompt.Of("group.reference", (s, _) => [("reference", SpeechValue.Code(Required.Value(s.GroupReference)))]);
    public static readonly Prompt GroupDone = Prompt.Of("group.done.menu");

    // Reaching a person (the agent line fills the queue's figures from Twilio's webhook)
    public static readonly Prompt Transfer = Prompt.Of("agent.transfer");
    public static readonly Prompt QueuePosition = Prompt.Of("agent.queue.position");
    public static readonly Prompt QueueNext = Prompt.Of("agent.queue.next");
    public static readonly Prompt QueueMinutes = Prompt.Of("agent.queue.minutes");
    public static readonly Prompt QueueThanks = Prompt.Of("agent.queue.thanks");
    public static readonly Prompt QueueCallbackOffer = Prompt.Of("agent.queue.callback_offer");
    public static readonly Prompt QueueCallbackConfirmed = Prompt.Of("agent.queue.callback_confirmed", (s, _) => [("phone", Phone(s))]);
    public static readonly Prompt AgentUnavailable = Prompt.Of("agent.unavailable");
    public static readonly Prompt AgentUnavailableCallback = Prompt.Of("agent.unavailable.callback_offer");

    // When the booking system is down
    public static readonly Prompt SystemDown = Prompt.Of("system.down");
    public static readonly Prompt SystemDownMenu = Prompt.Of("system.down.menu");
    public static readonly Prompt DeferredSaved = Prompt.Of("system.down.callback_saved", (s, _) => [("phone", Phone(s))]);
    public static readonly Prompt SystemError = Prompt.Of("system.error.handoff");
    public static readonly Prompt FallbackApology = Prompt.Of("fallback.apology");

    // The line is full (Admission): a call back, and a person only while agents have room
    public static readonly Prompt LineBusy = Prompt.Of("busy.intro");
    public static readonly Prompt LineBusyMenu = Prompt.Either(s => s.AgentsFull, Prompt.Of("busy.menu"), Prompt.Of("busy.menu_person"));
    public static readonly Prompt BusyNoPerson = Prompt.Of("busy.no_person");
    public static readonly Prompt BusyCallbackSaved = Prompt.Of("busy.callback_saved", (s, _) => [("phone", Phone(s))]);
    public static readonly Prompt BusyCallback = Prompt.Of("callback.busy");

    // Calls the line places
    public static readonly Prompt CallbackIntro = Prompt.Of("callback.intro", (_, c) => [("line_number", SpeechValue.Phone(Required.Value(c.LineNumber)))]);
    public static readonly Prompt OfferReady = Prompt.Of("callback.offer_ready");
    public static readonly Prompt AgentConnecting = Prompt.Of("callback.agent_connecting");
    public static readonly Prompt ReminderCall = Prompt.Of("callback.reminder");
    public static readonly Prompt Voicemail = Prompt.Of("callback.machine", (_, c) => [("line_number", SpeechValue.Phone(Required.Value(c.LineNumber)))]);
    public static readonly Prompt FinalText = Prompt.Of("callback.final_sms");

    /// <summary>Every prompt id the line may say: each locale must have all of them (checked at start).</summary>
    public static IReadOnlyList<string> AllIds { get; } = [.. typeof(Lines)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Prompt))
        .SelectMany(f => ((Prompt)f.GetValue(null)!).Ids)
        .Distinct(StringComparer.Ordinal)];

    /// <summary>{line_number}: how callbacks, voicemail and texts tell people where to call back.</summary>
    public static Line LineNumber(Prompt prompt, string lineNumber) => prompt.With(("line_number", SpeechValue.Phone(lineNumber)));

    /// <summary>A day, with the year only when it is not this year.</summary>
    public static SpokenDate Day(DateOnly date, CallContext context) => SpeechValue.Date(date, withYear: date.Year != context.Today.Year);

    private static (string, SpeechValue)[] Window(string siteId, string spokenSite, DateTimeOffset start, DateTimeOffset end, CallContext context) =>
    [
        ("date", Day(DateOnly.FromDateTime(start.DateTime), context)),
        ("window", SpeechValue.Window(start, end)),
        ("site", SpeechValue.Site(siteId, spokenSite, spokenSite)),
    ];

    private static SpokenPhone Phone(CallSession s) => SpeechValue.Phone(Required.Value(s.CallbackNumber ?? s.CallerId));

    private static int MinutesLeft(OfferInfo offer, CallContext context) =>
        Math.Max(1, (int)Math.Floor(((offer.ExpiresAt ?? context.Now.AddMinutes(offer.HoldMinutes)) - context.Now).TotalMinutes));

    private static SpokenDayPart Part(PartOfDay part) => SpeechValue.DayPart(part switch
    {
        PartOfDay.Morning => SpokenPart.Morning,
        PartOfDay.Afternoon => SpokenPart.Afternoon,
        PartOfDay.Evening => SpokenPart.Evening,
        _ => SpokenPart.Any,
    });
}
