namespace PhoneBooking.SchedulingClient;

/// <summary>What a call to the scheduling API came to. Everything but <see cref="BackendFailure"/> is an answer the call flow can speak.</summary>
public enum SchedulingOutcome
{
    Success,

    /// <summary>404 <c>not-found</c>: unknown id, or no booking for that code and birth date.</summary>
    NotFound,

    /// <summary>409 <c>offer-expired</c>: the hold ran out.</summary>
    OfferExpired,

    /// <summary>409 <c>offer-decided</c>: the offer was already accepted or declined.</summary>
    OfferDecided,

    /// <summary>409 <c>booking-cancelled</c>: the booking was already cancelled.</summary>
    BookingCancelled,

    /// <summary>400 <c>validation</c>: see <see cref="ApiProblem.Errors"/> for the fields.</summary>
    Validation,

    /// <summary>422 <c>idempotency-key-reused</c>: the same key was sent with another body (a new attempt needs a new step name).</summary>
    IdempotencyKeyReused,

    /// <summary>401 <c>facility-credentials-invalid</c>: see <see cref="ApiProblem.AttemptsRemaining"/>.</summary>
    FacilityCredentialsInvalid,

    /// <summary>423 <c>facility-locked</c>: see <see cref="ApiProblem.LockedUntil"/>.</summary>
    FacilityLocked,

    /// <summary>409 <c>duplicate-request</c>: this person already has an open request or a booking (one each). Not retried: it will not change by itself.</summary>
    DuplicateRequest,

    /// <summary>
    /// 429 <c>too-many-attempts</c>: the API's guess throttle wants this code (or this client) to wait
    /// <see cref="ApiProblem.RetryAfter"/> before the next guess. The guess was not checked. Not retried and
    /// not a backend failure: the breaker and the health window never count it (docs/scheduling-client.md).
    /// </summary>
    TooManyAttempts,

    /// <summary>The backend failed (timeout, 5xx, breaker open, connection, unreadable answer): hand the caller to a person.</summary>
    BackendFailure,
}
