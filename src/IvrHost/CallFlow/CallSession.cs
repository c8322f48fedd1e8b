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

    public bool SlowSpeech { get; init; }

    /// <summary>Failed or missing inputs at the current step; three send the caller to a person.</summary>
    public int Failures { get; init; }

    /// <summary>The caller ID Twilio gave (E.164), if it is a dialable number.</summary>
    public string? CallerId { get; init; }

    public Purpose Purpose { get; init; } = Purpose.Book;

    public DateOnly? BirthDate { get; init; }

    public DateOnly? GroupOpensOn { get; init; }

    public IReadOnlyList<Preference> Preferences { get; init; } = [];

    /// <summary>The preference being chosen: its date (null = earliest day) before the part of day.</summary>
    public DateOnly? DraftDate { get; init; }

    public string? CallbackNumber { get; init; }

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

    public string? FacilityPin { get; init; }

    public string? FacilityName { get; init; }

    public int FacilityAttempts { get; init; }

    public int? Residents { get; init; }

    public int? StaffCount { get; init; }

    public IReadOnlyList<DateOnly> GroupDates { get; init; } = [];

    public string? GroupReference { get; init; }

    public HandoffReason? Handoff { get; init; }

    /// <summary>A previous call's session this caller may continue (found by caller ID at the start).</summary>
    public string? ResumableCallSid { get; init; }
}

public enum Purpose
{
    Book,
    Manage,

    /// <summary>Not eligible yet: collecting a number to call when the caller's group opens.</summary>
    Reminder,

    /// <summary>The backend is down: collecting a request we save and submit when it is back.</summary>
    Deferred,
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
}

/// <summary>One ranked preferred window: a date (null = the earliest day) and a part of the day.</summary>
public sealed record Preference(DateOnly? Date, PartOfDay PartOfDay);

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
