using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.Deferred;

/// <summary>
/// The call flow's "save it for when the system works again": the submission the call would have
/// made, under the exact idempotency key it would have used (<see cref="CallWork.SubmitKey"/>).
/// </summary>
internal sealed class PhoneDeferredRequests(IDeferredRequestStore store) : IDeferredRequests
{
    public async Task<Saved> SaveAsync(CallSession session, CancellationToken cancellationToken)
    {
        await store.SaveAsync(CallWork.SubmitKey(session).Value, session.CallSid, CallWork.Submission(session), cancellationToken);
        return new Saved();
    }
}
