using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Events;
using PhoneBooking.SchedulingApi.GroupVisits;
using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Offers;
using PhoneBooking.SchedulingApi.Sites;
using PhoneBooking.SchedulingApi.Storage;

namespace PhoneBooking.SchedulingApi.Matching;

internal sealed record MatchBatch(long Cursor, int Offered, bool Finished);

/// <summary>
/// The steps of one matcher pass, each in its own transaction so submits get the writer lock in between.
/// Every API instance runs them: rows are claimed with the session's SKIP LOCKED (two instances take
/// different requests and windows), places are taken by conditional UPDATE, and a step that collides
/// with another instance's transaction runs again.
/// </summary>
internal sealed class MatchingSteps(
    IUnitOfWork unitOfWork,
    IBookingRequestStore requests,
    IOfferStore offers,
    IWindowStore windows,
    IEventStore events,
    IGroupVisitStore groupVisits,
    IIdempotencyStore idempotency,
    OfferLifecycle lifecycle,
    BusinessCalendar calendar,
    SchedulingMetrics metrics,
    IOptions<MatchingOptions> matching,
    IOptions<GroupVisitOptions> groupVisitOptions,
    ILogger<MatchingSteps> logger)
{
    public const int ExpiryBatchSize = 500;
    private const int GroupVisitBatchSize = 200;

    /// <summary>Expires up to <see cref="ExpiryBatchSize"/> offers whose hold or delivery deadline has passed.</summary>
    public Task<int> ExpireOverdueAsync(CancellationToken cancellationToken) => InTransactionAsync(async () =>
    {
        var overdue = await offers.ListOverdueAsync(calendar.Now, ExpiryBatchSize, cancellationToken);
        foreach (var offer in overdue)
        {
            await lifecycle.ReleaseAsync(offer, OfferStatus.Expired, cancellationToken);
        }

        return overdue.Count;
    }, cancellationToken);

    /// <summary>Queues the requests whose cohort has opened.</summary>
    public Task<int> PromoteEligibleAsync(CancellationToken cancellationToken) => InTransactionAsync(async () =>
    {
        var now = calendar.Now;
        var promoted = await requests.PromoteEligibleAsync(calendar.Today, now, cancellationToken);
        foreach (var request in promoted)
        {
            await events.AppendAsync(SchedulingEvent.ForRequest(EventTypes.RequestEligible, now, request), cancellationToken);
        }

        if (promoted.Count > 0)
        {
            unitOfWork.AfterCommit(() => logger.RequestsEligible(promoted.Count));
        }

        return promoted.Count;
    }, cancellationToken);

    /// <summary>Offers windows to the next queued requests after <paramref name="afterSeq"/>, in arrival order.</summary>
    public Task<MatchBatch> OfferBatchAsync(long afterSeq, CancellationToken cancellationToken) => InTransactionAsync(async () =>
    {
        var settings = matching.Value;
        var now = calendar.Now;
        var earliestStart = now + settings.MinimumLead;
        if (!await windows.AnyOpenAsync(earliestStart, cancellationToken))
        {
            return new MatchBatch(afterSeq, 0, Finished: true); // nothing to offer: the rest keep their place
        }

        var queued = await requests.ListQueuedAsync(afterSeq, settings.BatchSize, cancellationToken);
        var offered = 0;
        foreach (var request in queued)
        {
            if (await TryOfferAsync(request, now, earliestStart, cancellationToken))
            {
                offered++;
            }
            else if (!await windows.AnyOpenAsync(earliestStart, cancellationToken))
            {
                return new MatchBatch(request.Seq, offered, Finished: true);
            }
        }

        return new MatchBatch(queued.Count == 0 ? afterSeq : queued[^1].Seq, offered, Finished: queued.Count < settings.BatchSize);
    }, cancellationToken);

    /// <summary>Gives each queued group visit its earliest preferred date with a mobile team free, or marks it unavailable.</summary>
    public Task<int> ScheduleGroupVisitsAsync(CancellationToken cancellationToken) => InTransactionAsync(async () =>
    {
        var today = calendar.Today;
        var now = calendar.Now;
        var queued = await groupVisits.ListQueuedAsync(GroupVisitBatchSize, cancellationToken);
        foreach (var visit in queued)
        {
            DateOnly? visitDate = null;
            foreach (var date in visit.PreferredDates.Where(d => d > today).Order())
            {
                if (await groupVisits.TryReserveTeamAsync(date, groupVisitOptions.Value.TeamsPerDay, cancellationToken))
                {
                    visitDate = date;
                    break;
                }
            }

            var status = visitDate is null ? GroupVisitStatus.Unavailable : GroupVisitStatus.Scheduled;
            await groupVisits.CompleteAsync(visit.Id, status, visitDate, cancellationToken);
            await events.AppendAsync(
                SchedulingEvent.ForGroupVisit(visitDate is null ? EventTypes.GroupVisitUnavailable : EventTypes.GroupVisitScheduled, now, visit.Id),
                cancellationToken);
            unitOfWork.AfterCommit(() =>
            {
                if (visitDate is not null)
                {
                    metrics.GroupVisitScheduled();
                }

                logger.GroupVisitCompleted(visit.Id, ApiJson.EnumName(status));
            });
        }

        return queued.Count;
    }, cancellationToken);

    public Task<int> PurgeIdempotencyKeysAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        InTransactionAsync(() => idempotency.PurgeAsync(createdBefore, cancellationToken), cancellationToken);

    /// <summary>Best-ranked preference with room (earliest window), else the earliest window with room anywhere.</summary>
    private async Task<bool> TryOfferAsync(BookingRequest request, DateTimeOffset now, DateTimeOffset earliestStart, CancellationToken cancellationToken)
    {
        var settings = matching.Value;
        foreach (var preference in request.Preferences.Append(Preference.Anything))
        {
            if (await windows.FindOpenAsync(preference, request.Id, earliestStart, cancellationToken) is not { } window
                || !await windows.TryReserveAsync(window.Id, cancellationToken))
            {
                continue;
            }

            var holdsNow = request.HoldStart == HoldStart.OnOffer;
            var offer = new Offer(
                Ids.New("of"), request.Id, window.Id, OfferStatus.Pending, now,
                holdsNow ? now : null,
                now + (holdsNow ? settings.Hold : settings.DeliveryDeadline),
                null);
            await offers.InsertAsync(offer, cancellationToken);
            if (!await requests.MarkOfferedAsync(request.Id, offer.Id, now, cancellationToken))
            {
                // Another matcher instance got here first; undo this whole batch and let the next pass retry.
                throw new InvalidOperationException($"Booking request {request.Id} changed while it was being matched.");
            }

            await events.AppendAsync(SchedulingEvent.ForRequest(EventTypes.OfferMade, now, request, offer.Id), cancellationToken);
            unitOfWork.AfterCommit(() =>
            {
                metrics.OfferMade(request.Channel);
                logger.OfferMade(offer.Id, request.Id, window.Id);
            });
            return true;
        }

        return false;
    }

    private Task<T> InTransactionAsync<T>(Func<Task<T>> step, CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(step, cancellationToken);
}
