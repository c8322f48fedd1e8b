namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// The result of the work a task state asks for (a call to the scheduling API, saving a callback,
/// sending an SMS). The host performs the work and feeds the outcome back into the machine.
/// </summary>
public abstract record Outcome;

/// <summary>The backend failed (timeout, 5xx, breaker open): the caller goes to a person, same webhook.</summary>
public sealed record BackendFailed(string Reason) : Outcome;

public sealed record EligibilityChecked(bool Eligible, DateOnly? OpensOn) : Outcome;

public sealed record RequestSubmitted(string RequestId, int? QueuePosition) : Outcome;

/// <summary>The API keeps one open request (or booking) per person, and this person has one already.</summary>
public sealed record DuplicateRequest : Outcome;

public enum RequestProgress
{
    Waiting,
    Offered,
    Booked,
    Closed,
}

public sealed record StatusChecked(RequestProgress Progress, int? QueuePosition, OfferInfo? Offer, BookingInfo? Booking) : Outcome;

public sealed record HoldStarted(OfferInfo Offer) : Outcome;

public sealed record OfferAccepted(BookingInfo Booking) : Outcome;

/// <summary>The offer expired or was already decided before the caller's answer reached the API.</summary>
public sealed record OfferGone : Outcome;

public sealed record OfferDeclined(bool Requeued) : Outcome;

public sealed record BookingFound(BookingInfo Booking) : Outcome;

public sealed record NotFound : Outcome;

public sealed record BookingCancelled(BookingInfo Booking) : Outcome;

public sealed record AlreadyCancelled : Outcome;

/// <summary>
/// The returning caller's birth date matched the call they want to continue: what that call had
/// collected, to carry on with (nothing of it is known to this call before).
/// </summary>
public sealed record CallerVerified(CallSession Previous) : Outcome;

/// <summary>The birth date did not match (or the call to continue is gone): nothing of it is revealed.</summary>
public sealed record CallerNotVerified : Outcome;

public sealed record FacilityVerified(string SpokenName) : Outcome;

public sealed record FacilityRejected(int AttemptsRemaining) : Outcome;

public sealed record FacilityLocked : Outcome;

public sealed record GroupVisitSubmitted(string Reference) : Outcome;

/// <summary>A callback or reminder was saved durably on our side.</summary>
public sealed record Saved : Outcome;

public sealed record SmsResult(bool Sent) : Outcome;

/// <summary>The outbound policy kept the text from going: a number never texted or its share used, or this booking already texted in this call.</summary>
public sealed record SmsRefused(bool AlreadySent) : Outcome;
