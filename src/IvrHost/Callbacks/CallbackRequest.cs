using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Callbacks;

public enum CallbackKind
{
    /// <summary>The caller hung up after submitting: call when the offer is ready.</summary>
    Offer,

    /// <summary>Not eligible yet: call when the caller's group opens.</summary>
    Reminder,

    /// <summary>Kept their place instead of holding for a person.</summary>
    Agent,

    /// <summary>Called while the line was full (Admission): call back when it has room, to start at the menu.</summary>
    LineBusy,
}

/// <summary>
/// A promise to call someone back, saved durably before the caller hears "we will call you".
/// The id is made of the call, the kind and the person, so a replayed webhook saves it once; it
/// is letters, digits and dashes only, so it can ride in Twilio's URLs (it carries no personal data).
/// </summary>
public sealed record CallbackRequest(
    string Id,
    CallbackKind Kind,
    string CallSid,
    string Phone,
    string Locale,
    string? RequestId,
    DateOnly? DueOn,
    HandoffReason? Handoff = null)
{
    public static CallbackRequest ForOffer(CallSession s) =>
        Create(CallbackKind.Offer, s, s.RequestId ?? throw new InvalidOperationException("An offer callback needs a request."), dueOn: null);

    /// <summary>On the day the caller's group opens, or (no date yet) the day the flow set to check again.</summary>
    public static CallbackRequest Reminder(CallSession s) =>
        Create(CallbackKind.Reminder, s, requestId: null, s.ReminderOn ?? s.GroupOpensOn);

    /// <summary>Keep your place for a person: the agent sees why the caller wanted one and what they gave.</summary>
    public static CallbackRequest ForAgent(CallSession s) =>
        Create(CallbackKind.Agent, s, s.RequestId, dueOn: null) with { Handoff = s.Handoff };

    /// <summary>The line was full at the door: call back when it has room (the dialer waits for the door to open).</summary>
    public static CallbackRequest WhenLineHasRoom(CallSession s) =>
        Create(CallbackKind.LineBusy, s, requestId: null, dueOn: null);

    /// <summary>The id a callback of this kind for this call and person gets (also for callbacks saved outside a call flow step).</summary>
    public static string IdFor(string callSid, CallbackKind kind, int person) =>
        $"{callSid}-{kind.ToString().ToLowerInvariant()}-{person}";

    /// <summary>Where the call flow starts when this callback is answered by a person.</summary>
    public CallEntry Entry => Kind switch
    {
        CallbackKind.Offer => CallEntry.OfferCallback,
        CallbackKind.Agent => CallEntry.AgentCallback,
        CallbackKind.LineBusy => CallEntry.BusyCallback,
        _ => CallEntry.EligibilityCallback,
    };

    private static CallbackRequest Create(CallbackKind kind, CallSession s, string? requestId, DateOnly? dueOn) => new(
        IdFor(s.CallSid, kind, s.Person),
        kind,
        s.CallSid,
        s.CallbackNumber ?? s.CallerId ?? throw new InvalidOperationException("A callback needs a number."),
        s.Locale,
        requestId,
        dueOn);
}
