using System.Net;
using Microsoft.Extensions.Logging;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.SchedulingClient.Diagnostics;
using PhoneBooking.SchedulingClient.Health;
using PhoneBooking.SchedulingClient.Resilience;

namespace PhoneBooking.SchedulingClient;

/// <summary>
/// <see cref="ISchedulingClient"/> over the Refit client <see cref="ISchedulingApi"/>, whose HttpClient
/// runs the resilience handler (<see cref="SchedulingResilience"/>). Every answer and every failure
/// becomes a <see cref="SchedulingResult{T}"/>; only the caller's own cancellation propagates.
/// </summary>
internal sealed class HttpSchedulingClient(
    ISchedulingApi api,
    BackendHealthMonitor health,
    SchedulingClientMetrics metrics,
    TimeProvider time,
    ILogger<HttpSchedulingClient> logger) : ISchedulingClient
{
    public Task<SchedulingResult<Eligibility>> CheckEligibilityAsync(EligibilityQuery query, CancellationToken cancellationToken = default) =>
        SendAsync<Eligibility>("check-eligibility", api.CheckEligibility(query, cancellationToken), cancellationToken);

    public Task<SchedulingResult<IReadOnlyList<Site>>> GetSitesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<Site>>("get-sites", api.GetSites(cancellationToken), cancellationToken);

    public Task<SchedulingResult<IReadOnlyList<AvailabilityWindow>>> GetAvailabilityAsync(AvailabilityQuery query, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<AvailabilityWindow>>("get-availability", api.GetAvailability(query.From, query.To, query.SiteId, cancellationToken), cancellationToken);

    public Task<SchedulingResult<BookingRequestAccepted>> SubmitBookingRequestAsync(BookingRequestSubmission submission, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<BookingRequestAccepted>("submit-booking-request", api.SubmitBookingRequest(submission, Key(key), cancellationToken), cancellationToken);

    public Task<SchedulingResult<BookingRequestStatus>> GetBookingRequestAsync(string requestId, CancellationToken cancellationToken = default) =>
        SendAsync<BookingRequestStatus>("get-booking-request", api.GetBookingRequest(Id(requestId), cancellationToken), cancellationToken);

    public Task<SchedulingResult<Offer>> StartHoldAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<Offer>("start-hold", api.StartHold(Id(offerId), Key(key), cancellationToken), cancellationToken);

    public Task<SchedulingResult<OfferAccepted>> AcceptOfferAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<OfferAccepted>("accept-offer", api.AcceptOffer(Id(offerId), Key(key), cancellationToken), cancellationToken);

    public Task<SchedulingResult<OfferDeclined>> DeclineOfferAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<OfferDeclined>("decline-offer", api.DeclineOffer(Id(offerId), Key(key), cancellationToken), cancellationToken);

    public Task<SchedulingResult<Booking>> LookUpBookingAsync(BookingLookup lookup, CancellationToken cancellationToken = default) =>
        SendAsync<Booking>("look-up-booking", api.LookUpBooking(lookup, cancellationToken), cancellationToken);

    public Task<SchedulingResult<Booking>> CancelBookingAsync(BookingLookup lookup, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<Booking>("cancel-booking", api.CancelBooking(lookup, Key(key), cancellationToken), cancellationToken);

    public Task<SchedulingResult<Facility>> VerifyFacilityAsync(FacilityCredentials credentials, CancellationToken cancellationToken = default) =>
        SendAsync<Facility>("verify-facility", api.VerifyFacility(credentials, cancellationToken), cancellationToken);

    public Task<SchedulingResult<GroupVisitAccepted>> SubmitGroupVisitAsync(GroupVisitSubmission submission, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<GroupVisitAccepted>("submit-group-visit", api.SubmitGroupVisit(submission, Key(key), cancellationToken), cancellationToken);

    public Task<SchedulingResult<GroupVisit>> GetGroupVisitAsync(string groupVisitId, CancellationToken cancellationToken = default) =>
        SendAsync<GroupVisit>("get-group-visit", api.GetGroupVisit(Id(groupVisitId), cancellationToken), cancellationToken);

    public Task<SchedulingResult<EventPage>> GetEventsAsync(long after, int limit = 100, CancellationToken cancellationToken = default) =>
        SendAsync<EventPage>("get-events", api.GetEvents(after, limit, cancellationToken), cancellationToken);

    public Task<SchedulingResult<ApiReadiness>> CheckReadinessAsync(CancellationToken cancellationToken = default) =>
        SendAsync("check-readiness", api.CheckReadiness(cancellationToken), static response => response.StatusCode switch
        {
            HttpStatusCode.OK => SchedulingResult.Success(new ApiReadiness(true)),
            HttpStatusCode.ServiceUnavailable => SchedulingResult.Success(new ApiReadiness(false)),
            _ => null,
        }, cancellationToken);

    private Task<SchedulingResult<T>> SendAsync<T>(string operation, Task<HttpResponseMessage> call, CancellationToken cancellationToken) =>
        SendAsync<T>(operation, call, static _ => null, cancellationToken);

    /// <param name="special">Maps a response before the contract's general rules; null falls through to them.</param>
    private async Task<SchedulingResult<T>> SendAsync<T>(
        string operation,
        Task<HttpResponseMessage> call,
        Func<HttpResponseMessage, SchedulingResult<T>?> special,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        SchedulingResult<T> result;
        try
        {
            using var response = await call.ConfigureAwait(false);
            var attempts = response.RequestMessage?.GetAttempts() ?? 1;
            result = special(response) ?? await ResponseMapper.MapAsync<T>(response, operation, attempts, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            result = ResponseMapper.MapException<T>(ex, operation);
        }

        Record(operation, result, time.GetElapsedTime(started));
        return result;
    }

    private void Record<T>(string operation, SchedulingResult<T> result, TimeSpan elapsed)
    {
        metrics.RecordCall(operation, result.Outcome, elapsed);
        if (result.IsBackendFailure)
        {
            Log.CallFailed(logger, operation, result.Failure.Reason, result.Failure.Detail);
        }

        // A call the breaker refused says nothing new about the backend.
        if (result.Failure?.Reason != BackendFailureReason.CircuitOpen)
        {
            health.RecordCall(elapsed, result.IsBackendFailure);
        }
    }

    private static string Id(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return id;
    }

    /// <summary>Writes carry the key of their logical step: the API replays the first answer to a repeat.</summary>
    private static string Key(IdempotencyKey key) =>
        key.Value ?? throw new ArgumentException("Writes need an IdempotencyKey from IdempotencyKey.For(...).", nameof(key));
}
