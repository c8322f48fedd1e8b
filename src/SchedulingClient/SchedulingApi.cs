using Refit;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.SchedulingClient.Resilience;

namespace PhoneBooking.SchedulingClient;

/// <summary>
/// The scheduling API's routes (docs/scheduling-api.md) for Refit's source generator. Each method
/// is named after its operation (<c>CheckEligibility</c> is <c>check-eligibility</c> in metrics
/// and logs) and returns the raw response: <see cref="ResponseMapper"/> turns it into a
/// <see cref="SchedulingResult{T}"/>, so the no-throw contract and its texts stay ours. A POST
/// that changes nothing says so (<see cref="SchedulingRequest.ReadOnlyProperty"/>): only those,
/// GETs and keyed writes are retried.
/// </summary>
internal interface ISchedulingApi
{
    [Post("/v1/eligibility")]
    Task<HttpResponseMessage> CheckEligibility([Body] EligibilityQuery query, CancellationToken cancellationToken, [Property(SchedulingRequest.ReadOnlyProperty)] bool readOnly = true);

    [Get("/v1/sites")]
    Task<HttpResponseMessage> GetSites(CancellationToken cancellationToken);

    [Get("/v1/availability")]
    Task<HttpResponseMessage> GetAvailability(
        [Query(Format = "yyyy-MM-dd")] DateOnly? from,
        [Query(Format = "yyyy-MM-dd")] DateOnly? to,
        string? siteId,
        CancellationToken cancellationToken);

    [Post("/v1/booking-requests")]
    Task<HttpResponseMessage> SubmitBookingRequest([Body] BookingRequestSubmission submission, [Header(SchedulingRequest.IdempotencyKeyHeader)] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/booking-requests/{requestId}")]
    Task<HttpResponseMessage> GetBookingRequest(string requestId, CancellationToken cancellationToken);

    [Post("/v1/offers/{offerId}/hold")]
    Task<HttpResponseMessage> StartHold(string offerId, [Header(SchedulingRequest.IdempotencyKeyHeader)] string idempotencyKey, CancellationToken cancellationToken);

    [Post("/v1/offers/{offerId}/accept")]
    Task<HttpResponseMessage> AcceptOffer(string offerId, [Header(SchedulingRequest.IdempotencyKeyHeader)] string idempotencyKey, CancellationToken cancellationToken);

    [Post("/v1/offers/{offerId}/decline")]
    Task<HttpResponseMessage> DeclineOffer(string offerId, [Header(SchedulingRequest.IdempotencyKeyHeader)] string idempotencyKey, CancellationToken cancellationToken);

    [Post("/v1/bookings/lookup")]
    Task<HttpResponseMessage> LookUpBooking([Body] BookingLookup lookup, CancellationToken cancellationToken, [Property(SchedulingRequest.ReadOnlyProperty)] bool readOnly = true);

    [Post("/v1/bookings/cancel")]
    Task<HttpResponseMessage> CancelBooking([Body] BookingLookup lookup, [Header(SchedulingRequest.IdempotencyKeyHeader)] string idempotencyKey, CancellationToken cancellationToken);

    [Post("/v1/facilities/verify")]
    Task<HttpResponseMessage> VerifyFacility([Body] FacilityCredentials credentials, CancellationToken cancellationToken, [Property(SchedulingRequest.ReadOnlyProperty)] bool readOnly = true);

    [Post("/v1/group-visits")]
    Task<HttpResponseMessage> SubmitGroupVisit([Body] GroupVisitSubmission submission, [Header(SchedulingRequest.IdempotencyKeyHeader)] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/group-visits/{groupVisitId}")]
    Task<HttpResponseMessage> GetGroupVisit(string groupVisitId, CancellationToken cancellationToken);

    [Get("/v1/events")]
    Task<HttpResponseMessage> GetEvents(long after, int limit, CancellationToken cancellationToken);

    [Get("/health/ready")]
    Task<HttpResponseMessage> CheckReadiness(CancellationToken cancellationToken);

    /// <summary>The readiness probe's own call (<see cref="Health.BackendHealthProbe"/>): same route, its own name in metrics.</summary>
    [Get("/health/ready")]
    Task<HttpResponseMessage> ProbeReadiness(CancellationToken cancellationToken);
}
