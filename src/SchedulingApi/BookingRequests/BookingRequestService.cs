using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Bookings;
using PhoneBooking.SchedulingApi.Eligibility;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Offers;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.BookingRequests;

internal sealed class BookingRequestService(
    IBookingRequestStore requests,
    IOfferStore offers,
    IBookingStore bookings,
    ResourceOwners owners,
    PersonKeys people,
    IPersonKeyStore personRequests,
    Views views,
    EligibilityPolicy eligibility,
    BusinessCalendar calendar,
    IUnitOfWork unitOfWork,
    MatcherSignal matcher,
    SchedulingMetrics metrics,
    IOptions<MatchingOptions> matching,
    ILogger<BookingRequestService> logger)
{
    /// <summary>Queues the request; null when the person already has an open request or a booking (one each).</summary>
    public async Task<BookingRequestAccepted?> SubmitAsync(ValidBookingRequest input, ApiClient client, CancellationToken cancellationToken)
    {
        var personKey = people.For(input);
        if (await personRequests.HasOpenRequestAsync(personKey, cancellationToken))
        {
            return null;
        }

        var now = calendar.Now;
        var decision = eligibility.Decide(input.BirthDate, input.PostalCode);
        var status = decision.Eligible ? RequestStatus.Queued : RequestStatus.AwaitingEligibility;
        var request = new BookingRequest(
            0, Ids.New("br"), status, input.Channel, input.HoldStart, input.Language, input.BirthDate, input.Name,
            input.HealthCardNumber, input.PostalCode, input.ContactPhone, input.Preferences, decision.Cohort,
            decision.Eligible ? null : decision.OpensOn, 0, null, null, now);
        await requests.InsertAsync(request, cancellationToken);
        await owners.RecordAsync(request.Id, client, cancellationToken);
        await personRequests.RecordAsync(request.Id, personKey, cancellationToken);

        // Newest in the queue, and writes are serialized: the queue length is this request's position.
        int? position = decision.Eligible ? await requests.CountQueuedAsync(cancellationToken) : null;
        unitOfWork.AfterCommit(() =>
        {
            metrics.RequestQueued(request.Channel, status);
            logger.RequestAccepted(request.Id, request.Channel, status);
            matcher.Wake();
        });
        return new BookingRequestAccepted(request.Id, status, position, EstimateOfferAt(position, now), request.EligibleFrom);
    }

    /// <summary>The status of a request <paramref name="client"/> made: another client's is not found (it would show the confirmation code).</summary>
    public async Task<BookingRequestStatusResponse?> GetStatusAsync(string id, ApiClient client, CancellationToken cancellationToken)
    {
        if (await requests.GetAsync(id, cancellationToken) is not { } request || !await owners.MayUseAsync(request.Id, client, cancellationToken))
        {
            return null;
        }

        int? position = request.Status == RequestStatus.Queued ? await requests.GetQueuePositionAsync(request.Seq, cancellationToken) : null;
        var offer = request.Status != RequestStatus.Queued && request.CurrentOfferId is { } offerId
            && await offers.GetAsync(offerId, cancellationToken) is { } current
                ? await views.OfferAsync(current, cancellationToken)
                : null;
        var booking = request.ConfirmationCode is { } code && await bookings.GetAsync(code, cancellationToken) is { } found
            ? await views.BookingAsync(found, cancellationToken)
            : null;
        return new BookingRequestStatusResponse(
            request.Id,
            request.Status,
            request.Channel,
            position,
            EstimateOfferAt(position, calendar.Now),
            request.EligibleFrom,
            request.OffersMade,
            Math.Max(0, matching.Value.MaxOffersPerRequest - request.OffersMade),
            offer,
            booking);
    }

    private DateTimeOffset? EstimateOfferAt(int? position, DateTimeOffset now)
    {
        if (position is null)
        {
            return null;
        }

        var seconds = Math.Ceiling(position.Value * 60.0 / matching.Value.EstimatedOffersPerMinute);
        var estimate = now.AddSeconds(seconds);
        return estimate.AddTicks(-(estimate.Ticks % TimeSpan.TicksPerSecond));
    }
}
