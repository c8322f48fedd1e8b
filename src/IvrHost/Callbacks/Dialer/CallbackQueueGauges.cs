using System.Diagnostics.Metrics;
using PhoneBooking.ServiceDefaults;

namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>
/// The outbound queue's backlog (meter <c>PhoneBooking.Dialer</c>), sampled in the background
/// (<see cref="ISampledGauges"/>): <c>phonebooking.callbacks.due{kind}</c> and <c>phonebooking.dialer.lag</c>,
/// how long the oldest due callback has waited. The same on every instance (one database): alerts take the max.
/// </summary>
public sealed class CallbackQueueGauges : ISampledGauges
{
    private readonly ICallbackQueue _queue;
    private readonly TimeProvider _clock;
    private volatile CallbackBacklog? _last;

    public CallbackQueueGauges(IMeterFactory meterFactory, ICallbackQueue queue, TimeProvider clock)
    {
        (_queue, _clock) = (queue, clock);
        var meter = meterFactory.Create(DialerMetrics.MeterName);
        meter.CreateObservableGauge("phonebooking.callbacks.due", Due, "{callback}", "Callbacks due now and not being dialled, by kind.");
        meter.CreateObservableGauge("phonebooking.dialer.lag", Lag, "s", "How long the oldest due callback has been due (0 when none is).");
    }

    public async Task SampleAsync(CancellationToken cancellationToken) => _last = await _queue.BacklogAsync(_clock.GetUtcNow(), cancellationToken);

    public void Forget() => _last = null;

    private IEnumerable<Measurement<int>> Due() => _last is { } last
        ? Enum.GetValues<CallbackKind>().Select(kind => new Measurement<int>(last.Due.GetValueOrDefault(kind), new KeyValuePair<string, object?>("kind", DialerMetrics.KindTag(kind))))
        : [];

    private IEnumerable<Measurement<double>> Lag() => _last is { } last
        ? [new(last.OldestDueSince is { } since ? Math.Max(0, (_clock.GetUtcNow() - since).TotalSeconds) : 0)]
        : [];
}
