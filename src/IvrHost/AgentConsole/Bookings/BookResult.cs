namespace PhoneBooking.IvrHost.AgentConsole.Bookings;

public abstract record BookResult
{
    /// <summary>The API took the request (or this handoff already had a booking: nothing was sent twice).</summary>
    public sealed record Submitted(AgentBooking Booking) : BookResult;

    /// <summary>The API was down: saved, and submitted with the same key when it is back.</summary>
    public sealed record Saved(AgentBooking Booking) : BookResult;

    /// <summary>The API said no (validation): the agent corrects and sends again.</summary>
    public sealed record Refused(string Message, IReadOnlyDictionary<string, string[]> Errors) : BookResult;
}

public enum OfferDecision
{
    Accept,
    Decline,
}

public enum DecisionOutcome
{
    Done,

    /// <summary>No open offer (expired, already decided, or none yet): the status was refreshed.</summary>
    NoOpenOffer,

    /// <summary>The backend did not answer: nothing changed, try again.</summary>
    BackendFailed,
}
