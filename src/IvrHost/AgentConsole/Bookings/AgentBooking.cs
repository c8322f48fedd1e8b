using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.AgentConsole.Bookings;

public enum AgentBookingState
{
    /// <summary>The API accepted the request: <see cref="AgentBooking.RequestId"/> is set.</summary>
    Submitted,

    /// <summary>The API was down: saved on our side, submitted with the same key when it is back.</summary>
    Pending,

    /// <summary>Saved while the API was down, then refused by it for good (e.g. a preferred day now past): book again.</summary>
    Rejected,
}

/// <summary>
/// A booking an agent made for a handed-over caller: one per handoff (its idempotency key comes
/// from the handoff id), with the request's last known status. Holds no personal data: the status
/// endpoint never returns any, and the health card number is kept masked.
/// </summary>
public sealed record AgentBooking(
    string HandoffId,
    string CallSid,
    string Agent,
    AgentBookingState State,
    string? RequestId,
    BookingRequestStatus? Status,
    string? HealthCardMasked,
    bool WaitedForBackend,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Still moving at the API: worth asking again.</summary>
    public bool InFlight => State == AgentBookingState.Pending
        || (State == AgentBookingState.Submitted
            && (Status is null || Status.Status is RequestStatus.Queued or RequestStatus.AwaitingEligibility or RequestStatus.Offered));

    /// <summary>An offer the agent can accept or decline for the caller now.</summary>
    public Offer? OpenOffer => Status is { Status: RequestStatus.Offered, Offer: { Status: OfferStatus.Pending } offer } ? offer : null;
}
