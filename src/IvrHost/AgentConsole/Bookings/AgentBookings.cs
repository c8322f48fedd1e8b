using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.SchedulingClient;
using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.AgentConsole.Bookings;

/// <summary>
/// Books for a handed-over caller through the same scheduling client as the phone line (channel
/// <c>agent</c>, hold starting on delivery, because the agent delivers the offer). The idempotency
/// key is made of the handoff id, so a double submit, a retry or a saved booking submitted later all
/// land on one request. While the API is down the booking is saved and submitted when it is back.
/// </summary>
public sealed class AgentBookings(
    ISchedulingClient api,
    AgentBookingStore store,
    IDeferredRequestStore deferred,
    IHandoffDesk handoffs,
    IBackendHealth health,
    AuditTrail audit,
    TimeProvider clock)
{
    private const string Origin = "agent";

    /// <summary>How long a request is kept fresh in the console after it was made.</summary>
    private static readonly TimeSpan FollowFor = TimeSpan.FromDays(1);

    public static IdempotencyKey KeyFor(Handoff handoff) => IdempotencyKey.For(Origin, handoff.Id, "book");

    public async Task<AgentBooking?> ForAsync(Handoff handoff, CancellationToken cancellationToken) =>
        (await store.GetAsync(handoff.Id, cancellationToken))?.Booking;

    public async Task<BookResult> BookAsync(Handoff handoff, BookingRequestSubmission submission, string? healthCardMasked, string agent, CancellationToken cancellationToken)
    {
        var key = KeyFor(handoff);
        if (await store.GetAsync(handoff.Id, cancellationToken) is var (existing, existingKey))
        {
            if (existing.State != AgentBookingState.Rejected)
            {
                return Result(existing);
            }

            // Refused after waiting for the backend: a new attempt needs a new key (the same one would replay the refusal).
            key = IdempotencyKey.For(Origin, handoff.Id, "book", existingKey);
            await store.DeleteRejectedAsync(handoff.Id, cancellationToken);
        }

        var submitted = await api.SubmitBookingRequestAsync(submission, key, cancellationToken);
        AgentBooking booking;
        if (submitted.IsSuccess)
        {
            var status = await api.GetBookingRequestAsync(submitted.Value.RequestId, cancellationToken);
            booking = New(handoff, agent, AgentBookingState.Submitted, submitted.Value.RequestId, status.Value, healthCardMasked);
        }
        else if (submitted.IsBackendFailure)
        {
            await deferred.SaveAsync(key.Value, handoff.CallSid, submission, cancellationToken);
            booking = New(handoff, agent, AgentBookingState.Pending, null, null, healthCardMasked);
        }
        else
        {
            await audit.RecordAsync(agent, AuditActions.Book, handoff.CallSid, AuditOutcomes.Refused, submitted.Outcome.ToString(), cancellationToken);
            return new BookResult.Refused(
                submitted.Outcome == SchedulingOutcome.IdempotencyKeyReused
                    ? "A booking with other details was already sent for this caller."
                    : submitted.Problem?.Detail ?? submitted.Problem?.Title ?? "The booking was refused.",
                submitted.ValidationErrors);
        }

        // Two agents cannot both get here for one handoff (only the claimant books), but a double
        // click can: the second insert loses, and both see the first row.
        await store.TryAddAsync(booking, key.Value, cancellationToken);
        var stored = (await store.GetAsync(handoff.Id, cancellationToken))!.Value.Booking;
        await audit.RecordAsync(
            agent, AuditActions.Book, handoff.CallSid,
            stored.State == AgentBookingState.Pending ? AuditOutcomes.Pending : AuditOutcomes.Ok, stored.RequestId, cancellationToken);
        return Result(stored);
    }

    /// <summary>Accepts or declines the open offer for the caller (starting the hold first: the agent has just delivered it).</summary>
    public async Task<DecisionOutcome> DecideAsync(Handoff handoff, OfferDecision decision, string agent, CancellationToken cancellationToken)
    {
        var outcome = await TryDecideAsync(handoff, decision, cancellationToken);
        await audit.RecordAsync(
            agent, decision == OfferDecision.Accept ? AuditActions.Accept : AuditActions.Decline, handoff.CallSid,
            outcome == DecisionOutcome.Done ? AuditOutcomes.Ok : AuditOutcomes.Failed,
            (await store.GetAsync(handoff.Id, cancellationToken))?.Booking.RequestId, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Brings up to date what someone is looking at (the console's poll): bookings of calls still on
    /// the board, and saved ones until they are sent. Nothing while the API is down.
    /// </summary>
    public async Task RefreshInFlightAsync(CancellationToken cancellationToken)
    {
        if (health.Current.State == BackendHealthState.Down)
        {
            return;
        }

        var onTheBoard = (await handoffs.OpenAsync(cancellationToken)).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (booking, key) in await store.RecentAsync(clock.GetUtcNow() - FollowFor, cancellationToken))
        {
            if (booking.InFlight && (booking.State == AgentBookingState.Pending || booking.Status is null || onTheBoard.Contains(booking.HandoffId)))
            {
                await RefreshAsync(booking, key, cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<AgentBooking>> RecentAsync(CancellationToken cancellationToken) =>
        [.. (await store.RecentAsync(clock.GetUtcNow() - FollowFor, cancellationToken)).Select(b => b.Booking)];

    private async Task<DecisionOutcome> TryDecideAsync(Handoff handoff, OfferDecision decision, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(handoff.Id, cancellationToken) is not var (booking, key) || booking.OpenOffer is not { } offer)
        {
            return DecisionOutcome.NoOpenOffer;
        }

        SchedulingOutcome outcome;
        if (decision == OfferDecision.Accept)
        {
            var hold = await api.StartHoldAsync(offer.OfferId, IdempotencyKey.For(Origin, handoff.Id, "hold", offer.OfferId), cancellationToken);
            outcome = hold.IsSuccess
                ? (await api.AcceptOfferAsync(offer.OfferId, IdempotencyKey.For(Origin, handoff.Id, "accept", offer.OfferId), cancellationToken)).Outcome
                : hold.Outcome;
        }
        else
        {
            outcome = (await api.DeclineOfferAsync(offer.OfferId, IdempotencyKey.For(Origin, handoff.Id, "decline", offer.OfferId), cancellationToken)).Outcome;
        }

        if (outcome == SchedulingOutcome.BackendFailure)
        {
            return DecisionOutcome.BackendFailed;
        }

        await RefreshAsync(booking, key, cancellationToken);
        return outcome == SchedulingOutcome.Success ? DecisionOutcome.Done : DecisionOutcome.NoOpenOffer;
    }

    private async Task RefreshAsync(AgentBooking booking, string key, CancellationToken cancellationToken)
    {
        var requestId = booking.RequestId;
        if (booking.State == AgentBookingState.Pending)
        {
            var saved = await deferred.GetAsync(key, cancellationToken);
            if (saved?.Status == DeferredStatus.Rejected)
            {
                await store.MarkRejectedAsync(booking.HandoffId, cancellationToken);
            }

            requestId = saved?.RequestId;
        }

        if (requestId is null)
        {
            return;
        }

        var status = await api.GetBookingRequestAsync(requestId, cancellationToken);
        if (booking.State == AgentBookingState.Pending || (status.IsSuccess && status.Value != booking.Status))
        {
            await store.UpdateAsync(booking.HandoffId, requestId, status.Value, cancellationToken);
        }
    }

    private AgentBooking New(Handoff handoff, string agent, AgentBookingState state, string? requestId, BookingRequestStatus? status, string? healthCardMasked)
    {
        var now = clock.GetUtcNow();
        return new(handoff.Id, handoff.CallSid, agent, state, requestId, status, healthCardMasked, state == AgentBookingState.Pending, now, now);
    }

    private static BookResult Result(AgentBooking booking) =>
        booking.State == AgentBookingState.Pending ? new BookResult.Saved(booking) : new BookResult.Submitted(booking);
}
