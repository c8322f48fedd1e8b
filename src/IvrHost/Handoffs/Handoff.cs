using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Handoffs;

public enum HandoffStatus
{
    Waiting,
    Claimed,
    Completed,

    /// <summary>Left the queue to be called back: an agent callback (Callbacks, kind Agent) holds their place.</summary>
    CallbackRequested,

    /// <summary>Hung up before a person took the call.</summary>
    Abandoned,
}

/// <summary>
/// A caller handed to a person: why, where they were, their language, and everything they
/// already gave — so the agent asks nothing twice. Holds personal data: shown to signed-in
/// agents only (health card numbers masked), never logged.
/// </summary>
public sealed record Handoff(
    string Id,
    string CallSid,
    HandoffReason Reason,
    CallState ReachedFrom,
    string Locale,
    DateTimeOffset At,
    HandoffDetails Details,
    HandoffStatus Status = HandoffStatus.Waiting,
    string? ClaimedBy = null);

/// <summary>What the caller had given when they were handed over.</summary>
public sealed record HandoffDetails(
    DateOnly? BirthDate,
    IReadOnlyList<Preference> Preferences,
    string? CallbackNumber,
    string? RequestId,
    string? ConfirmationCode,
    string? FacilityName,
    int? Residents,
    int? StaffCount,
    IReadOnlyList<DateOnly> GroupDates)
{
    public static HandoffDetails From(CallSession s) => new(
        s.BirthDate,
        s.Preferences,
        s.CallbackNumber ?? s.CallerId,
        s.RequestId,
        s.Booking?.ConfirmationCode ?? s.LookupCode,
        s.FacilityName,
        s.Residents,
        s.StaffCount,
        s.GroupDates);
}
