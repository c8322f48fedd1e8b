using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>
/// One pass of the dialer: settle what ended leases left behind, close offer callbacks the API has
/// settled, send due final notices, then walk the due callbacks — refuse what the toll-fraud guard
/// refuses, put off what calling hours or the daily cap forbid, and claim and dial the rest, one per
/// free pacing slot. Dials run in the background (a slow Twilio answer must not cost the next slot);
/// each is recorded before Twilio is asked, so a crash mid-dial is settled, never redialled blindly.
/// </summary>
public sealed class CallbackDialer(
    ICallbackQueue queue,
    IDialPacer pacer,
    TollFraudGuard guard,
    CallingHours hours,
    OutboundCallPlacer placer,
    FinalNotices notices,
    IOptionsMonitor<CallbackOptions> options,
    TimeProvider clock,
    DialerMetrics metrics,
    ILogger<CallbackDialer> logger)
{
    private const int BatchSize = 20;

    private readonly ConcurrentDictionary<Task, bool> _dials = new();

    /// <summary>This worker's name on the leases it takes (unique per process start).</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Runs one pass; returns how long until the next pass is worth running.</summary>
    public async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var recovery = await queue.RecoverAsync(now, settings.SettleTime, settings.StaleCallAfter, cancellationToken);
        if (recovery.Total > 0)
        {
            metrics.Recovered(recovery);
            DialerLog.Recovered(logger, recovery.Abandoned, recovery.NotPlaced, recovery.Lost);
        }

        await queue.CloseSettledAsync(now, cancellationToken);
        foreach (var notice in await queue.NoticesDueAsync(now, BatchSize, cancellationToken))
        {
            var opening = hours.NextOpening(notice.Phone, now);
            await (opening > now ? PostponeAsync(notice, opening, "calling-hours", now, cancellationToken) : notices.SendAsync(notice, now, cancellationToken));
        }

        var agentSlots = settings.MaxConcurrentAgentCallbacks - await queue.AgentCallsInFlightAsync(cancellationToken);
        var due = await queue.DueAsync(now, BatchSize, agentSlots > 0, cancellationToken);
        foreach (var callback in due)
        {
            if (await HoldBackAsync(callback, settings, now, cancellationToken) || (callback.Kind == CallbackKind.Agent && agentSlots-- <= 0))
            {
                continue;
            }

            var slot = await pacer.TryTakeAsync(now, settings.DialInterval, cancellationToken);
            if (!slot.Taken)
            {
                return slot.At > now ? slot.At - now : TimeSpan.Zero;
            }

            metrics.PacingLag(now - slot.At);
            if (await queue.TryClaimAsync(callback, Owner, now, settings.Lease, cancellationToken) is { } claimed)
            {
                Track(DialAsync(claimed));
            }
        }

        return due.Count == BatchSize ? TimeSpan.Zero : settings.PollInterval;
    }

    /// <summary>Waits for the dials this worker started (at shutdown, and in tests).</summary>
    public Task DrainAsync() => Task.WhenAll(_dials.Keys);

    /// <summary>True when the callback must not be dialled now: refused for good, or put off.</summary>
    private async Task<bool> HoldBackAsync(DueCallback callback, CallbackOptions settings, DateTimeOffset now, CancellationToken ct)
    {
        if (guard.Refusal(callback.Phone) is { } reason)
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

        if (await queue.DialsSinceAsync(callback.Phone, hours.StartOfLineDay(now), ct) >= settings.DailyCapPerNumber)
        {
            await PostponeAsync(callback, hours.NextOpening(callback.Phone, hours.StartOfLineDay(now, addDays: 1)), "daily-cap", now, ct);
            return true;
        }

        return false;
    }

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
            if (!await queue.StartDiallingAsync(attempt, clock.GetUtcNow(), CancellationToken.None))
            {
                return;
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
}
