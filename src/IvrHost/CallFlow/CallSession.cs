using System.Text.Json.Serialization;

namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// Everything the line knows about one call. Stored server-side by CallSid between webhooks;
/// the machine takes one and returns the next (records: no mutation, easy to diff in tests).
/// </summary>
public sealed record CallSession
{
    public required string CallSid { get; init; }

    public CallState State { get; init; } = CallState.Language;

    /// <summary>Counts applied inputs; every action URL carries it so a replayed webhook is recognised.</summary>
    public int Turn { get; init; }

    public string Locale { get; init; } = "en-CA";

    /// <summary>False until the caller chose a language: until then everything is said in every language.</summary>
    public bool LanguageChosen { get; init; }

    public bool SlowSpeech { get; init; }

    /// <summary>Missed or invalid inputs at the current step; three send the caller to a person (or end a finished call).</summary>
    public int Failures { get; init; }

    /// <summary>Silences in a row at the current step (a finished caller, or one thinking about an offer).</summary>
    public int Silences { get; init; }

    /// <summary>
    /// The first key of a typed entry, while the rest is gathered: the first key is taken alone so
    /// <c>*</c>, <c>0</c> and <c>9</c> act at once where they cannot begin an answer.
    /// </summary>
    public string? EntryStart { get; init; }

    /// <summary>The caller ID Twilio gave (E.164), if it is a dialable number. A hint, never proof of who is calling.</summary>
    public string? CallerId { get; init; }

    public Purpose Purpose { get; init; } = Purpose.Book;

    public DateOnly? BirthDate { get; init; }

    public DateOnly? GroupOpensOn { get; init; }

    /// <summary>When a reminder call is due: the day the group opens, or a day to check again when it has no date.</summary>
    public DateOnly? ReminderOn { get; init; }

    public IReadOnlyList<Preference> Preferences { get; init; } = [];

    /// <summary>The preference being chosen: its date (null = earliest day) before the part of day.</summary>
    public DateOnly? DraftDate { get; init; }

    public string? CallbackNumber { get; init; }

    /// <summary>The caller chose to hang up and be called back with the offer (rather than wait on the line).</summary>
    public bool WantsCallback { get; init; }

    /// <summary>Which person of the household this call is booking for (0 = the caller): part of idempotency keys.</summary>
    public int Person { get; init; }

    public string? RequestId { get; init; }

    public int? QueuePosition { get; init; }

    public int Polls { get; init; }

    public OfferInfo? Offer { get; init; }

    public BookingInfo? Booking { get; init; }

    public string? LookupCode { get; init; }

    public int LookupAttempts { get; init; }

    public string? FacilityCode { get; init; }

    /// <summary>
    /// Lives only inside the webhook that verifies it and submits the visit: never serialized, so no
    /// store ever holds it; the machine also clears it whenever the call waits on the caller.
    /// </summary>
    [JsonIgnore]
    public string? FacilityPin { get; init; }

    public string? FacilityName { get; init; }

    /// <summary>Wrong facility code or PIN in this call.</summary>
    public int FacilityAttempts { get; init; }

    public int? Residents { get; init; }

    public int? StaffCount { get; init; }

    public IReadOnlyList<DateOnly> GroupDates { get; init; } = [];

    public DateOnly? DraftGroupDate { get; init; }

    public string? GroupReference { get; init; }

    public HandoffReason? Handoff { get; init; }

    /// <summary>
    /// A previous call from the same caller ID with an open request. Nothing of it is copied here until
    /// the caller proves who they are with the birth date of that request.
    /// </summary>
    public string? ResumableCallSid { get; init; }

    public int ResumeAttempts { get; init; }

    /// <summary>Set on a call that was to be continued, after too many wrong birth dates: it can no longer be resumed.</summary>
    public bool ResumeRefused { get; init; }

    /// <summary>
    /// The door found the line full and the agents too (Admission): 0 does not reach a person in this call,
    /// and the busy menu does not offer one.
    /// </summary>
    public bool AgentsFull { get; init; }
}

public enum Purpose
{
    Book,
    Manage,

    /// <summary>Not eligible yet: collecting a number to call when the caller's group opens.</summary>
    Reminder,

    /// <summary>The backend is down: collecting a request we save and submit when it is back.</summary>
    Deferred,

    /// <summary>A returning caller proving who they are before hearing anything of their request.</summary>
    Resume,

    /// <summary>A retirement home booking a group visit.</summary>
    GroupVisit,

    /// <summary>The line was full at the door: collecting a number to call back when it has room.</summary>
    LineBusy,
}

public enum PartOfDay
{
    Any,
    Morning,
    Afternoon,
    Evening,
}

public enum HandoffReason
{
    CallerAsked,
    RepeatedInputFailures,
    BackendFailed,
    BackendDown,
    NoSuitableOffer,
    CallbackToAgent,
    FacilityLocked,
    FacilityRejected,
}

/// <summary>One ranked preferred window: a date (null = the earliest day) and a part of the day.</summary>
public sealed record Preference(DateOnly? Date, PartOfDay PartOfDay)
{
    /// <summary>The first time available: any day, any time. Nothing can be added to it.</summary>
    public bool IsFirstAvailable => Date is null && PartOfDay == PartOfDay.Any;

    /// <summary>Whether a window (read on the site's clock) is what this preference asked for.</summary>
    public bool Covers(DateTimeOffset windowStart) =>
        (Date is null || Date == DateOnly.FromDateTime(windowStart.DateTime))
        && (PartOfDay == PartOfDay.Any || PartOfDay == Of(windowStart.Hour));

    /// <summary>Before noon morning, noon to 5 p.m. afternoon, then evening (as prompts/ says them).</summary>
    private static PartOfDay Of(int hour) => hour switch
    {
        < 12 => PartOfDay.Morning,
        < 17 => PartOfDay.Afternoon,
        _ => PartOfDay.Evening,
    };
}

public sealed record OfferInfo(
    string OfferId,
    string SiteId,
    string SpokenSiteName,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    int HoldMinutes,
    DateTimeOffset? ExpiresAt);

public sealed record BookingInfo(
    string ConfirmationCode,
    string SiteId,
    string SpokenSiteName,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    bool Cancelled);
