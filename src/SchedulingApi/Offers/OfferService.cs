using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Bookings;
using PhoneBooking.SchedulingApi.Events;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Offers;

/// <summary>Accept, decline, start the hold. Runs inside the idempotency filter's transaction.</summary>
internal sealed class OfferService(
    IOfferStore offers,
    IBookingRequestStore requests,
    IBookingStore bookings,
    IEventStore events,
    OfferLifecycle lifecycle,
    ResourceOwners owners,
    ConfirmationCodes codes,
    Views views,
    IUnitOfWork unitOfWork,
    BusinessCalendar calendar,
    SchedulingMetrics metrics,
    IOptions<MatchingOptions> matching,
    ILogger<OfferService> logger)
{
    public async Task<IResult> AcceptAsync(string offerId, ApiClient client, CancellationToken cancellationToken)
    {
        if (await ForeignAsync(offerId, client, cancellationToken))
        {
            return NotFound();
        }

        if (await PendingOfferAsync(offerId, cancellationToken) is not { } offer)
        {
            return await RefusalAsync(offerId, cancellationToken);
        }

        var now = calendar.Now;
        var request = await requests.GetAsync(offer.RequestId, cancellationToken)
            ?? throw new InvalidOperationException($"Offer {offer.Id} refers to missing request {offer.RequestId}.");
        if (!await offers.TryDecideAsync(offer.Id, OfferStatus.Accepted, now, cancellationToken))
        {
            // Another instance decided it (a decline, the expiry sweep) since it was read: say which.
            return await RefusalAsync(offerId, cancellationToken);
        }

        // The place was reserved when the offer was made: accepting only turns it into a booking.
        var booking = new Booking(await codes.NewAsync(cancellationToken), request.Id, offer.Id, offer.WindowId, request.BirthDate, BookingStatus.Confirmed, now);
        await bookings.InsertAsync(booking, cancellationToken);
        await requests.MarkBookedAsync(request.Id, booking.ConfirmationCode, now, cancellationToken);
        await events.AppendAsync(SchedulingEvent.ForRequest(EventTypes.BookingConfirmed, now, request, offer.Id), cancellationToken);
        unitOfWork.AfterCommit(() =>
        {
            metrics.BookingConfirmed(request.Channel);
            logger.BookingConfirmed(request.Id, offer.Id);
        });
        return TypedResults.Ok(new AcceptOfferResponse(request.Id, await views.BookingAsync(booking, cancellationToken)));
    }

    public async Task<IResult> DeclineAsync(string offerId, ApiClient client, CancellationToken cancellationToken)
    {
        if (await ForeignAsync(offerId, client, cancellationToken))
        {
            return NotFound();
        }

        if (await PendingOfferAsync(offerId, cancellationToken) is not { } offer)
        {
            return await RefusalAsync(offerId, cancellationToken);
        }

        return await lifecycle.ReleaseAsync(offer, OfferStatus.Declined, cancellationToken) is { } outcome
            ? TypedResults.Ok(new DeclineOfferResponse(outcome.RequestId, outcome.RequestStatus, outcome.OffersRemaining))
            : Problems.OfferDecided();
    }

    /// <summary>Starts the hold clock when the person is reached, once: later calls return the same hold.</summary>
    public async Task<IResult> StartHoldAsync(string offerId, ApiClient client, CancellationToken cancellationToken)
    {
        if (await ForeignAsync(offerId, client, cancellationToken))
        {
            return NotFound();
        }

        if (await PendingOfferAsync(offerId, cancellationToken) is not { } offer)
        {
            return await RefusalAsync(offerId, cancellationToken);
        }

        if (offer.HoldStartedAt is null)
        {
            var now = calendar.Now;
            var expiresAt = now + matching.Value.Hold;
            if (!await offers.TryStartHoldAsync(offer.Id, now, expiresAt, cancellationToken))
            {
                return await RefusalAsync(offerId, cancellationToken);
            }

            offer = offer with { HoldStartedAt = now, ExpiresAt = expiresAt };
            unitOfWork.AfterCommit(() => logger.HoldStarted(offer.Id, offer.RequestId));
        }

        return TypedResults.Ok(await views.OfferAsync(offer, cancellationToken));
    }

    /// <summary>The offer if it can still be decided; an overdue one is expired on the spot (the sweep may not have run yet).</summary>
    private async Task<Offer?> PendingOfferAsync(string offerId, CancellationToken cancellationToken)
    {
        var offer = await offers.GetAsync(offerId, cancellationToken);
        if (offer is null || offer.Status != OfferStatus.Pending)
        {
            return null;
        }

        if (offer.IsOverdue(calendar.Now))
        {
            await lifecycle.ReleaseAsync(offer, OfferStatus.Expired, cancellationToken);
            return null;
        }

        return offer;
    }

    /// <summary>True for an offer made to another client's request: answered exactly like an unknown id.</summary>
    private async Task<bool> ForeignAsync(string offerId, ApiClient client, CancellationToken cancellationToken) =>
        await offers.GetAsync(offerId, cancellationToken) is { } offer && !await owners.MayUseAsync(offer.RequestId, client, cancellationToken);

    private static IResult NotFound() => Problems.NotFound("No offer has this id.");

    private async Task<IResult> RefusalAsync(string offerId, CancellationToken cancellationToken) =>
        (await offers.GetAsync(offerId, cancellationToken))?.Status switch
        {
            null => NotFound(),
            OfferStatus.Expired => Problems.OfferExpired(),
            _ => Problems.OfferDecided(),
        };
}
