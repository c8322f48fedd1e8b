using System.Diagnostics.Metrics;
using PhoneBooking.ServiceDefaults;

namespace PhoneBooking.IvrHost.Deferred;

/// <summary>
/// Requests saved during an outage and not sent yet (meter <c>PhoneBooking.IvrHost.Deferred</c>), sampled in
/// the background: <c>phonebooking.deferred.pending</c> and <c>phonebooking.deferred.oldest_age</c>.
/// </summary>
public sealed class DeferredGauges : ISampledGauges
{
    private readonly IDeferredRequestStore _store;
    private readonly TimeProvider _clock;
    private volatile DeferredBacklog? _last;

    public DeferredGauges(IMeterFactory meterFactory, IDeferredRequestStore store, TimeProvider clock)
    {
        (_store, _clock) = (store, clock);
        var meter = meterFactory.Create(DeferredMetrics.MeterName);
        meter.CreateObservableGauge("phonebooking.deferred.pending", Pending, "{request}", "Booking requests saved while the scheduling API was down, not sent yet.");
        meter.CreateObservableGauge("phonebooking.deferred.oldest_age", OldestAge, "s", "Age of the oldest pending deferred request (0 when none is).");
    }

    public async Task SampleAsync(CancellationToken cancellationToken) => _last = await _store.BacklogAsync(cancellationToken);

    public void Forget() => _last = null;

    private IEnumerable<Measurement<int>> Pending() => _last is { } last ? [new(last.Pending)] : [];

    private IEnumerable<Measurement<double>> OldestAge() => _last is { } last
        ? [new(last.OldestCreatedAt is { } oldest ? Math.Max(0, (_clock.GetUtcNow() - oldest).TotalSeconds) : 0)]
        : [];
}
