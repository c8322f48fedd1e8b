using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.SchedulingClient.Diagnostics;
using PhoneBooking.SchedulingClient.Health;
using PhoneBooking.SchedulingClient.Resilience;

namespace PhoneBooking.SchedulingClient;

/// <summary><see cref="ISchedulingClient"/> over a typed HttpClient whose handler runs <see cref="SchedulingPipeline"/>.</summary>
internal sealed class HttpSchedulingClient(
    HttpClient http,
    BackendHealthMonitor health,
    SchedulingClientMetrics metrics,
    TimeProvider time,
    ILogger<HttpSchedulingClient> logger) : ISchedulingClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public Task<SchedulingResult<Eligibility>> CheckEligibilityAsync(EligibilityQuery query, CancellationToken cancellationToken = default) =>
        SendAsync<Eligibility>(Post("v1/eligibility", query).AsReadOnly(), "check-eligibility", cancellationToken);

    public Task<SchedulingResult<IReadOnlyList<Site>>> GetSitesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<Site>>(Get("v1/sites"), "get-sites", cancellationToken);

    public Task<SchedulingResult<IReadOnlyList<AvailabilityWindow>>> GetAvailabilityAsync(AvailabilityQuery query, CancellationToken cancellationToken = default)
    {
        var parameters = new List<string>();
        if (query.From is { } from)
        {
            parameters.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (query.To is { } to)
        {
            parameters.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (query.SiteId is { } siteId)
        {
            parameters.Add("siteId=" + Uri.EscapeDataString(siteId));
        }

        var path = parameters.Count == 0 ? "v1/availability" : "v1/availability?" + string.Join('&', parameters);
        return SendAsync<IReadOnlyList<AvailabilityWindow>>(Get(path), "get-availability", cancellationToken);
    }

    public Task<SchedulingResult<BookingRequestAccepted>> SubmitBookingRequestAsync(BookingRequestSubmission submission, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<BookingRequestAccepted>(Post("v1/booking-requests", submission).WithIdempotencyKey(key), "submit-booking-request", cancellationToken);

    public Task<SchedulingResult<BookingRequestStatus>> GetBookingRequestAsync(string requestId, CancellationToken cancellationToken = default) =>
        SendAsync<BookingRequestStatus>(Get($"v1/booking-requests/{Segment(requestId)}"), "get-booking-request", cancellationToken);

    public Task<SchedulingResult<Offer>> StartHoldAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<Offer>(Post($"v1/offers/{Segment(offerId)}/hold").WithIdempotencyKey(key), "start-hold", cancellationToken);

    public Task<SchedulingResult<OfferAccepted>> AcceptOfferAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<OfferAccepted>(Post($"v1/offers/{Segment(offerId)}/accept").WithIdempotencyKey(key), "accept-offer", cancellationToken);

    public Task<SchedulingResult<OfferDeclined>> DeclineOfferAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<OfferDeclined>(Post($"v1/offers/{Segment(offerId)}/decline").WithIdempotencyKey(key), "decline-offer", cancellationToken);

    public Task<SchedulingResult<Booking>> LookUpBookingAsync(BookingLookup lookup, CancellationToken cancellationToken = default) =>
        SendAsync<Booking>(Post("v1/bookings/lookup", lookup).AsReadOnly(), "look-up-booking", cancellationToken);

    public Task<SchedulingResult<Booking>> CancelBookingAsync(BookingLookup lookup, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<Booking>(Post("v1/bookings/cancel", lookup).WithIdempotencyKey(key), "cancel-booking", cancellationToken);

    public Task<SchedulingResult<Facility>> VerifyFacilityAsync(FacilityCredentials credentials, CancellationToken cancellationToken = default) =>
        SendAsync<Facility>(Post("v1/facilities/verify", credentials).AsReadOnly(), "verify-facility", cancellationToken);

    public Task<SchedulingResult<GroupVisitAccepted>> SubmitGroupVisitAsync(GroupVisitSubmission submission, IdempotencyKey key, CancellationToken cancellationToken = default) =>
        SendAsync<GroupVisitAccepted>(Post("v1/group-visits", submission).WithIdempotencyKey(key), "submit-group-visit", cancellationToken);

    public Task<SchedulingResult<GroupVisit>> GetGroupVisitAsync(string groupVisitId, CancellationToken cancellationToken = default) =>
        SendAsync<GroupVisit>(Get($"v1/group-visits/{Segment(groupVisitId)}"), "get-group-visit", cancellationToken);

    public Task<SchedulingResult<EventPage>> GetEventsAsync(long after, int limit = 100, CancellationToken cancellationToken = default) =>
        SendAsync<EventPage>(Get(string.Create(CultureInfo.InvariantCulture, $"v1/events?after={after}&limit={limit}")), "get-events", cancellationToken);

    public Task<SchedulingResult<ApiReadiness>> CheckReadinessAsync(CancellationToken cancellationToken = default) =>
        SendAsync(Get("health/ready"), "check-readiness", static response => response.StatusCode switch
        {
            HttpStatusCode.OK => SchedulingResult.Success(new ApiReadiness(true)),
            HttpStatusCode.ServiceUnavailable => SchedulingResult.Success(new ApiReadiness(false)),
            _ => null,
        }, cancellationToken);

    private Task<SchedulingResult<T>> SendAsync<T>(HttpRequestMessage request, string operation, CancellationToken cancellationToken) =>
        SendAsync<T>(request, operation, static _ => null, cancellationToken);

    /// <param name="special">Maps a response before the contract's general rules; null falls through to them.</param>
    private async Task<SchedulingResult<T>> SendAsync<T>(
        HttpRequestMessage request,
        string operation,
        Func<HttpResponseMessage, SchedulingResult<T>?> special,
        CancellationToken cancellationToken)
    {
        using var _ = request;
        request.WithOperation(operation);
        var started = time.GetTimestamp();
        SchedulingResult<T> result;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            result = special(response)
                ?? await ResponseMapper.MapAsync<T>(response, operation, request.GetAttempts(), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            result = ResponseMapper.MapException<T>(ex, operation, request.GetAttempts());
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

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, object? body = null) => new(HttpMethod.Post, path)
    {
        // Serialized once, up front: every retry sends the same bytes with a known length.
        Content = body is null ? null : new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), SchedulingJson.Options))
        {
            Headers = { ContentType = Json },
        },
    };

    private static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }
}
