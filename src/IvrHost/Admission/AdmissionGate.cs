using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.SchedulingClient;

namespace PhoneBooking.IvrHost.Admission;

/// <summary>
/// The door of the line: decides, before a new call starts, whether the line can serve it — calls in progress
/// on the line (a lower limit while the backend is unwell), this instance's webhooks in flight and their recent
/// latency. Only the answer webhook of a new call knocks; calls in the flow, status callbacks, the fallback and
/// calls the line places never do, so they keep priority. The call flow gets the decision as its entry
/// (<see cref="CallFlow.CallEntry.LineBusy"/>): the machine stays pure.
/// </summary>
public sealed class AdmissionGate
{
    private readonly WebhookLoad _load;
    private readonly IBackendHealth _backend;
    private readonly IOptionsMonitor<AdmissionOptions> _options;
    private readonly AdmissionMetrics _metrics;
    private readonly SharedCount _calls;
    private readonly SharedCount _waiting;

    public AdmissionGate(WebhookLoad load, ICallSessionStore sessions, IHandoffDesk handoffs, IBackendHealth backend, TimeProvider clock, IOptionsMonitor<AdmissionOptions> options, AdmissionMetrics metrics)
    {
        (_load, _backend, _options, _metrics) = (load, backend, options, metrics);
        _calls = new SharedCount(ct => sessions.CountActiveAsync(clock.GetUtcNow() - options.CurrentValue.ActiveWithin, ct), clock);
        _waiting = new SharedCount(async ct => (await handoffs.CountOpenAsync(ct)).GetValueOrDefault(HandoffStatus.Waiting), clock);
    }

    /// <summary>A new call knocks: admitted (and counted in), or turned to a call back, with or without a person on offer.</summary>
    public async ValueTask<Door> KnockAsync(CancellationToken ct)
    {
        var options = _options.CurrentValue;
        // Switched off: no count is read at all (the shared count is a database read once per refresh).
        var reason = options.Enabled ? await FullAsync(options, ct) : null;
        if (reason is null)
        {
            _calls.Added();
            _metrics.Admitted();
            return Door.Open;
        }

        _metrics.Shed(reason.Value);
        var waiting = await _waiting.CurrentAsync(options.CountsRefresh, ct);
        return new Door(reason, AgentsFull: waiting >= options.MaxHandoffsWaiting);
    }

    /// <summary>
    /// Whether the line has room now (the shared count read at most once per refresh): the dialer calls back the
    /// callers the door turned away only then, so the call backs never refill a full line.
    /// </summary>
    public async ValueTask<bool> HasRoomAsync(CancellationToken ct)
    {
        var options = _options.CurrentValue;
        return !options.Enabled || Full(options, await _calls.CurrentAsync(options.CountsRefresh, ct), asking: 0) is null;
    }

    private async ValueTask<ShedReason?> FullAsync(AdmissionOptions options, CancellationToken ct) =>
        Full(options, 0, asking: 1) ?? Full(options, await _calls.CurrentAsync(options.CountsRefresh, ct), asking: 1);

    private ShedReason? Full(AdmissionOptions options, int callsInProgress, int asking)
    {
        // The answer webhook asking is itself in flight: the others are what it would queue behind.
        if (_load.InFlight - asking >= options.MaxWebhooksInFlight)
        {
            return ShedReason.WebhooksInFlight;
        }

        if (_load.RecentLatency() is { } latency && latency > options.MaxWebhookLatency)
        {
            return ShedReason.WebhookLatency;
        }

        var limit = _backend.Current.State == BackendHealthState.Healthy
            ? options.MaxCallsInProgress
            : Math.Max(1, (int)(options.MaxCallsInProgress * options.UnhealthyBackendShare));
        return callsInProgress >= limit ? ShedReason.CallsInProgress : null;
    }
}
