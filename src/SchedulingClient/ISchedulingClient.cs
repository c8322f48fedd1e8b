using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.SchedulingClient;

/// <summary>
/// The scheduling API v1 (docs/scheduling-api.md), one method per operation. Every method
/// returns a <see cref="SchedulingResult{T}"/> and never throws for anything the API or the
/// network can do; only cancellation through <c>cancellationToken</c> propagates. Writes take
/// an <see cref="IdempotencyKey"/> derived from the logical step, so they are safe to repeat.
/// </summary>
public interface ISchedulingClient
{
    Task<SchedulingResult<Eligibility>> CheckEligibilityAsync(EligibilityQuery query, CancellationToken cancellationToken = default);

    Task<SchedulingResult<IReadOnlyList<Site>>> GetSitesAsync(CancellationToken cancellationToken = default);

    Task<SchedulingResult<IReadOnlyList<AvailabilityWindow>>> GetAvailabilityAsync(AvailabilityQuery query, CancellationToken cancellationToken = default);

    /// <summary>Queues a request (202). Repeating it with the same key returns the same request id.</summary>
    Task<SchedulingResult<BookingRequestAccepted>> SubmitBookingRequestAsync(BookingRequestSubmission submission, IdempotencyKey key, CancellationToken cancellationToken = default);

    Task<SchedulingResult<BookingRequestStatus>> GetBookingRequestAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Starts the hold clock of a delivered offer (once; later calls return the same expiry).</summary>
    Task<SchedulingResult<Offer>> StartHoldAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default);

    /// <summary>Books the offered window; <see cref="SchedulingOutcome.OfferExpired"/> or <see cref="SchedulingOutcome.OfferDecided"/> when too late.</summary>
    Task<SchedulingResult<OfferAccepted>> AcceptOfferAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default);

    Task<SchedulingResult<OfferDeclined>> DeclineOfferAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default);

    Task<SchedulingResult<Booking>> LookUpBookingAsync(BookingLookup lookup, CancellationToken cancellationToken = default);

    Task<SchedulingResult<Booking>> CancelBookingAsync(BookingLookup lookup, IdempotencyKey key, CancellationToken cancellationToken = default);

    /// <summary><see cref="SchedulingOutcome.FacilityCredentialsInvalid"/> carries attempts remaining; <see cref="SchedulingOutcome.FacilityLocked"/> carries the unlock time.</summary>
    Task<SchedulingResult<Facility>> VerifyFacilityAsync(FacilityCredentials credentials, CancellationToken cancellationToken = default);

    Task<SchedulingResult<GroupVisitAccepted>> SubmitGroupVisitAsync(GroupVisitSubmission submission, IdempotencyKey key, CancellationToken cancellationToken = default);

    Task<SchedulingResult<GroupVisit>> GetGroupVisitAsync(string groupVisitId, CancellationToken cancellationToken = default);

    /// <summary>The events after cursor <paramref name="after"/>, oldest first.</summary>
    Task<SchedulingResult<EventPage>> GetEventsAsync(long after, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary><c>/health/ready</c> asked directly (the line reads <see cref="IBackendHealth"/> instead).</summary>
    Task<SchedulingResult<ApiReadiness>> CheckReadinessAsync(CancellationToken cancellationToken = default);
}
