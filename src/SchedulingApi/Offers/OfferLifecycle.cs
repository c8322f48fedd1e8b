using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Events;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Sites;
using PhoneBooking.SchedulingApi.Storage;

namespace PhoneBooking.SchedulingApi.Offers;

public sealed record ReleaseOutcome(string RequestId, RequestStatus RequestStatus, int OffersRemaining);

/// <summary>
/// Ends a pending offer without a booking (declined, or expired by the clock): the place goes back to
/// the window, the request back to the queue at its original arrival position, or closed at the cap.
/// Used by the decline endpoint, by accept/hold on an overdue offer, and by the matcher's expiry sweep.
/// </summary>
internal sealed class OfferLifecycle(
    IOfferStore offers,
    IWindowStore windows,
    IBookingRequestStore requests,
    IEventStore events,
    IUnitOfWork unitOfWork,
    BusinessCalendar calendar,
    MatcherSignal matcher,
    SchedulingMetrics metrics,
    IOptions<MatchingOptions> matching,
    ILogger<OfferLifecycle> logger)
{
    /// <summary>Null when the offer was no longer pending (someone else decided it first).</summary>
    public async Task<ReleaseOutcome?> ReleaseAsync(Offer offer, OfferStatus outcome, CancellationToken cancellationToken)
    {
        var now = calendar.Now;
        if (outcome is not (OfferStatus.Declined or OfferStatus.Expired))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An offer is released as declined or expired.");
        }

        if (!await offers.TryDecideAsync(offer.Id, outcome, now, cancellationToken))
        {
            return null;
        }

        await windows.ReleaseAsync(offer.WindowId, cancellationToken);
        var request = await requests.GetAsync(offer.RequestId, cancellationToken)
            ?? throw new InvalidOperationException($"Offer {offer.Id} refers to missing request {offer.RequestId}.");
        var remaining = Math.Max(0, matching.Value.MaxOffersPerRequest - request.OffersMade);
        var next = remaining == 0 ? RequestStatus.Closed : RequestStatus.Queued;
        await requests.ReturnFromOfferAsync(request.Id, next, now, cancellationToken);

        await events.AppendAsync(
            SchedulingEvent.ForRequest(outcome == OfferStatus.Expired ? EventTypes.OfferExpired : EventTypes.OfferDeclined, now, request, offer.Id),
            cancellationToken);
        if (next == RequestStatus.Closed)
        {
            await events.AppendAsync(SchedulingEvent.ForRequest(EventTypes.RequestClosed, now, request, offer.Id), cancellationToken);
        }

        unitOfWork.AfterCommit(() =>
        {
            if (outcome == OfferStatus.Expired)
            {
                metrics.OfferExpired(request.Channel);
            }
            else
            {
                metrics.OfferDeclined(request.Channel);
            }

            logger.OfferReleased(offer.Id, request.Id, ApiJson.EnumName(outcome));
            if (next == RequestStatus.Closed)
            {
                logger.RequestClosed(request.Id, request.OffersMade);
            }

            matcher.Wake(); // a place is free, and maybe this request wants another offer
        });
        return new ReleaseOutcome(request.Id, next, remaining);
    }
}
