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
/// with another instance's transaction is undone whole and runs again in the next pass.
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

    /// <summary>
    /// Offers windows to the next queued requests after <paramref name="afterSeq"/>, in arrival order, in a fixed number of
    /// statements whatever the batch size: read the open windows, claim the requests, choose in memory (<see cref="BatchPlan"/>),
    /// claim the chosen windows, then take their places, insert the offers and mark the requests, each in one statement.
    /// </summary>
    public Task<MatchBatch> OfferBatchAsync(long afterSeq, CancellationToken cancellationToken) => InTransactionAsync(async () =>
    {
        var settings = matching.Value;
        var now = calendar.Now;
        var open = await windows.ListOpenAsync(now + settings.MinimumLead, cancellationToken);
        if (open.Count == 0)
        {
            return new MatchBatch(afterSeq, 0, Finished: true); // nothing to offer: the rest keep their place
        }

        var queued = await requests.ListQueuedAsync(afterSeq, settings.BatchSize, cancellationToken);
        if (queued.Count == 0)
        {
            return new MatchBatch(afterSeq, 0, Finished: true);
        }

        var returning = queued.Where(r => r.OffersMade > 0).Select(r => r.Id).ToList();
        var offeredBefore = returning.Count == 0
            ? Enumerable.Empty<long>().ToLookup(_ => "", StringComparer.Ordinal)
            : await offers.ListOfferedWindowsAsync(returning, cancellationToken);
        var plan = new BatchPlan(open, offeredBefore);
        IReadOnlyList<BookingRequest> waiting = queued;
        while (waiting.Count > 0)
        {
            plan.Place(waiting);
            var asked = plan.Unclaimed;
            if (asked.Count == 0)
            {
                break;
            }

            waiting = plan.Settle(asked, await windows.ClaimAsync(asked, cancellationToken));
        }

        var made = plan.Placements.Select(p => (p.Request, Offer: NewOffer(p.Request, p.WindowId, now))).ToList();
        if (made.Count > 0)
        {
            await RecordAsync(plan.PlacesTaken, made, now, cancellationToken);
        }

        return new MatchBatch(queued[^1].Seq, made.Count, Finished: queued.Count < settings.BatchSize || !plan.AnyRoomLeft);
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

    private Offer NewOffer(BookingRequest request, long windowId, DateTimeOffset now)
    {
        var holdsNow = request.HoldStart == HoldStart.OnOffer;
        var settings = matching.Value;
        return new Offer(
            Ids.New("of"), request.Id, windowId, OfferStatus.Pending, now,
            holdsNow ? now : null,
            now + (holdsNow ? settings.Hold : settings.DeliveryDeadline),
            null);
    }

    /// <summary>Takes the places, inserts the offers and marks the requests offered: one statement each, whatever the batch size.</summary>
    private async Task RecordAsync(
        IReadOnlyDictionary<long, int> placesTaken,
        IReadOnlyList<(BookingRequest Request, Offer Offer)> made,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await windows.TakeAsync(placesTaken, cancellationToken) != placesTaken.Count)
        {
            // Cannot happen while the claim holds the windows; if it does, undo the batch rather than overbook.
            throw new InvalidOperationException("A claimed window had fewer places than the batch took.");
        }

        await offers.InsertAsync([.. made.Select(m => m.Offer)], cancellationToken);
        if (await requests.MarkOfferedAsync([.. made.Select(m => (m.Request.Id, m.Offer.Id))], now, cancellationToken) != made.Count)
        {
            // Another matcher instance got here first; undo this whole batch and let the next pass retry.
            throw new InvalidOperationException("A booking request changed while it was being matched.");
        }

        foreach (var (request, offer) in made)
        {
            await events.AppendAsync(SchedulingEvent.ForRequest(EventTypes.OfferMade, now, request, offer.Id), cancellationToken);
        }

        unitOfWork.AfterCommit(() =>
        {
            foreach (var (request, offer) in made)
            {
                metrics.OfferMade(request.Channel);
                logger.OfferMade(offer.Id, request.Id, offer.WindowId);
            }
        });
    }

    private Task<T> InTransactionAsync<T>(Func<Task<T>> step, CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(step, cancellationToken);
}
