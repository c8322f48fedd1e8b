using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>
/// Booking requests taken while the scheduling backend was down: saved on our side, and submitted
/// when it is back with the idempotency key the call would have used, so nothing is lost or doubled.
/// </summary>
public interface IDeferredRequests
{
    /// <summary>Saves the session's request once (a replayed webhook saves nothing more).</summary>
    Task<Saved> SaveAsync(CallSession session, CancellationToken cancellationToken);
}
