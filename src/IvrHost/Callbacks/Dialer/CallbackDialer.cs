using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Admission;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Outbound;
using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>
/// One pass of the dialer: settle what ended leases left behind, close offer callbacks the API has
/// settled, send due final notices, then walk the due callbacks — refuse what the outbound policy
/// refuses (the number, or one call's share of callbacks), put off what calling hours or the daily cap forbid, and claim and dial the rest, one per
/// free pacing slot. The callback next in line when the slot is not free yet is kept, so the pass woken
/// for the slot dials it first thing. Dials run in the background (a slow Twilio answer must not cost the
/// next slot); each is recorded before Twilio is asked, so a crash mid-dial is settled, never redialled blindly.
/// A supervisor's switches pause it: callbacks off, nothing is dialled; texts off, no final notice is sent.
/// What is paused stays due, and goes when the switch is back on.
/// </summary>
public sealed class CallbackDialer(
    ICallbackQueue queue,
    IDialPacer pacer,
    OutboundPolicy policy,
    CallingHours hours,
    OutboundCallPlacer placer,
    FinalNotices notices,
    ILineSwitchBoard switches,
    IOptionsMonitor<CallbackOptions> options,
    IOptionsMonitor<OutboundOptions> outbound,
    TimeProvider clock,
    DialerMetrics metrics,
    AdmissionGate door,
    ILogger<CallbackDialer> logger)
{
    private const int BatchSize = 20;

    private readonly ConcurrentDictionary<Task, bool> _dials = new();
    private NextUp? _nextUp;

    /// <summary>This worker's name on the leases it takes (unique per process start).</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Runs one pass; returns how long until the next pass is worth running.</summary>
    public async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();

        // A slot taken for a callback another instance claimed first is not wasted: the next due callback gets it.
        var slotInHand = false;

        // Woken for a pacing slot: dial the callback checked last pass at once, before any other query (no lag).
        if (_nextUp is { } ready && !switches.Current.IsOff(LineFeature.Callbacks) && now - ready.CheckedAt < settings.PollInterval + settings.DialInterval)
        {
            _nextUp = null;
            var first = await TryDialAsync(ready.Callback, settings, now, slotInHand, cancellationToken);
            if (first.Wait is { } notYet)
            {
                _nextUp = ready;
                return notYet;
            }

            slotInHand = first.SlotUnused;
        }

        await MaintainAsync(settings, now, cancellationToken);
        if (switches.Current.IsOff(LineFeature.Callbacks))
        {
            _nextUp = null;
            return settings.PollInterval;
        }

        var agentSlots = settings.MaxConcurrentAgentCallbacks - await queue.AgentCallsInFlightAsync(cancellationToken);
        // Callers the full line turned away are called back once it has room again, never into a full line.
        var due = await queue.DueAsync(now, BatchSize, agentSlots > 0, await door.HasRoomAsync(cancellationToken), cancellationToken);
        foreach (var callback in due)
        {
            if (await HoldBackAsync(callback, settings, now, cancellationToken) || (callback.Kind == CallbackKind.Agent && agentSlots-- <= 0))
            {
                continue;
            }

            var tried = await TryDialAsync(callback, settings, now, slotInHand, cancellationToken);
            if (tried.Wait is { } wait)
            {
                _nextUp = new NextUp(callback, now);
                return wait;
            }

            slotInHand = tried.SlotUnused;
        }

        return due.Count == BatchSize ? TimeSpan.Zero : settings.PollInterval;
    }

    /// <summary>Waits for the dials this worker started (at shutdown, and in tests).</summary>
    public Task DrainAsync() => Task.WhenAll(_dials.Keys);

    /// <summary>Settles what ended leases left behind, closes offer callbacks the API has settled, sends due final notices.</summary>
    private async Task MaintainAsync(CallbackOptions settings, DateTimeOffset now, CancellationToken ct)
    {
        var recovery = await queue.RecoverAsync(now, settings.SettleTime, settings.StaleCallAfter, ct);
        if (recovery.Total > 0)
        {
            metrics.Recovered(recovery);
            DialerLog.Recovered(logger, recovery.Abandoned, recovery.NotPlaced, recovery.Lost);
        }

        await queue.CloseSettledAsync(now, ct);
        if (switches.Current.IsOff(LineFeature.Texts))
        {
            return;
        }

        foreach (var notice in await queue.NoticesDueAsync(now, BatchSize, ct))
        {
            var opening = hours.NextOpening(notice.Phone, now);
            await (opening > now ? PostponeAsync(notice, opening, "calling-hours", now, ct) : notices.SendAsync(notice, now, ct));
        }
    }

    /// <summary>
    /// Takes the pacing slot (unless one is in hand) and, with it, claims and dials the callback. Either the wait for
    /// the slot, or whether the slot is still unused: another instance claimed this callback between our read and our claim.
    /// </summary>
    private async Task<DialTry> TryDialAsync(DueCallback callback, CallbackOptions settings, DateTimeOffset now, bool slotInHand, CancellationToken ct)
    {
        if (!slotInHand)
        {
            var slot = await pacer.TryTakeAsync(now, settings.DialInterval, ct);
            if (!slot.Taken)
            {
                return new DialTry(slot.At > now ? slot.At - now : TimeSpan.Zero, SlotUnused: false);
            }

            if (now - slot.At < TimeSpan.FromSeconds(1))
            {
                // Only while calls queue up: after an idle spell the slot has been free for long, and that is no lag.
                metrics.PacingLag(now - slot.At);
            }
        }

        // Not cancelled by shutdown: a claim is always followed by its dial (DrainAsync waits for it),
        // never left for its lease to run out while the callee waits for a call that is not coming.
        if (await queue.TryClaimAsync(callback, Owner, now, settings.Lease, CancellationToken.None) is not { } claimed)
        {
            return new DialTry(Wait: null, SlotUnused: true);
        }

        Track(DialAsync(claimed));
        return new DialTry(Wait: null, SlotUnused: false);
    }

    /// <summary>True when the callback must not be dialled now: refused for good, or put off.</summary>
    private async Task<bool> HoldBackAsync(DueCallback callback, CallbackOptions settings, DateTimeOffset now, CancellationToken ct)
    {
        if ((policy.Refusal(callback.Phone) ?? await PerCallRefusalAsync(callback, ct)) is { } reason)
        {
            await queue.RefuseAsync(callback.Id, reason, now, ct);
            metrics.Refused(reason);
            DialerLog.Refused(logger, callback.Id, reason);
            return true;
        }

        var opening = hours.NextOpening(callback.Phone, now);
        if (opening > now)
        {
            await PostponeAsync(callback, opening, "calling-hours", now, ct);
            return true;
        }

        if (await queue.DialsSinceAsync(callback.Phone, hours.StartOfLineDay(now), ct) >= outbound.CurrentValue.CallsPerNumberPerDay)
        {
            await PostponeAsync(callback, hours.NextOpening(callback.Phone, hours.StartOfLineDay(now, addDays: 1)), "daily-cap", now, ct);
            return true;
        }

        return false;
    }

    /// <summary>One incoming call may have only so many numbers called back: a household, not a hundred strangers.</summary>
    private async Task<string?> PerCallRefusalAsync(DueCallback callback, CancellationToken ct) =>
        await queue.OtherCallbacksDialledForTheSameCallAsync(callback.Id, ct) >= outbound.CurrentValue.CallbacksPerCall ? RefusalReasons.PerCallCap : null;

    private async Task PostponeAsync(DueCallback callback, DateTimeOffset until, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await queue.PostponeAsync(callback.Id, until, reason, now, ct);
        metrics.Postponed(reason);
        DialerLog.Postponed(logger, callback.Id, until, reason);
    }

    private void Track(Task dial)
    {
        _dials.TryAdd(dial, true);
        _ = dial.ContinueWith(done => _dials.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>Not cancelled by shutdown on purpose: a create-call cut off halfway is a call in doubt.</summary>
    private async Task DialAsync(ClaimedAttempt attempt)
    {
        try
        {
            var dialling = clock.GetUtcNow();
            if (!await queue.StartDiallingAsync(attempt, dialling, CancellationToken.None))
            {
                return;
            }

            if (attempt.Kind == CallbackKind.Offer && attempt.Number == 1)
            {
                metrics.OfferCallbackDialled(dialling - attempt.DueSince);
            }

            var result = await placer.PlaceAsync(attempt, CancellationToken.None);
            await RecordAsync(attempt, result, clock.GetUtcNow());
        }
        catch (Exception exception)
        {
            DialerLog.PassFailed(logger, exception);
        }
    }

    private async Task RecordAsync(ClaimedAttempt attempt, PlaceResult result, DateTimeOffset now)
    {
        switch (result)
        {
            case PlaceResult.Placed placed:
                await queue.PlacedAsync(attempt, placed.CallSid, now, CancellationToken.None);
                metrics.Placed(attempt.Kind);
                DialerLog.Placed(logger, attempt.CallbackId, attempt.Number, attempt.Kind, placed.CallSid);
                break;

            case PlaceResult.Declined declined:
                await queue.NotPlacedAsync(attempt, declined.Reason, now + declined.RetryAfter, now, CancellationToken.None);
                metrics.NotPlaced(declined.Reason);
                DialerLog.NotPlaced(logger, attempt.CallbackId, attempt.Number, declined.Reason, now + declined.RetryAfter);
                break;

            case PlaceResult.Rejected rejected:
                await queue.RejectedAsync(attempt, rejected.Reason, now, CancellationToken.None);
                metrics.Refused(RefusalReasons.TwilioRejected);
                DialerLog.Refused(logger, attempt.CallbackId, rejected.Reason);
                break;

            case PlaceResult.Failed failed:
                var update = await queue.RecordStatusAsync(
                    new AttemptStatus(attempt.CallbackId, attempt.Number, null, "failed", Error: failed.Reason),
                    options.CurrentValue.EffectiveRetryDelays, now, CancellationToken.None);
                metrics.Outcome("failed");
                DialerLog.Status(logger, attempt.CallbackId, attempt.Number, null, "failed", null, update.Callback);
                break;

            case PlaceResult.InDoubt doubt:
                metrics.NotPlaced("in-doubt");
                DialerLog.InDoubt(logger, attempt.CallbackId, attempt.Number, doubt.Reason);
                break;
        }
    }

    /// <summary>The callback that passed its checks when the pacing slot was not free yet.</summary>
    private sealed record NextUp(DueCallback Callback, DateTimeOffset CheckedAt);

    private readonly record struct DialTry(TimeSpan? Wait, bool SlotUnused);
}
