using System.Diagnostics.Metrics;
using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Offers;
using PhoneBooking.ServiceDefaults;

namespace PhoneBooking.SchedulingApi.Observability;

/// <summary>
/// The booking queue (meter <c>PhoneBooking.SchedulingApi</c>), sampled in the background
/// (<see cref="ISampledGauges"/>): <c>scheduling.queue.requests{status}</c> (queued, awaiting_eligibility,
/// offered: pending offers) and <c>scheduling.queue.oldest_age</c>. The same on every instance (one database).
/// </summary>
internal sealed class BookingQueueGauges : ISampledGauges
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private volatile Sample? _last;

    public BookingQueueGauges(IMeterFactory meterFactory, IServiceScopeFactory scopes, TimeProvider clock)
    {
        (_scopes, _clock) = (scopes, clock);
        var meter = meterFactory.Create(SchedulingMetrics.MeterName);
        meter.CreateObservableGauge("scheduling.queue.requests", Requests, "{request}", "Booking requests waiting, by status: queued (for an offer), awaiting_eligibility, offered (an offer pending).");
        meter.CreateObservableGauge("scheduling.queue.oldest_age", OldestAge, "s", "How long the oldest queued request has waited for an offer (0 when none waits).");
    }

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var depth = await scope.ServiceProvider.GetRequiredService<IBookingRequestStore>().QueueDepthAsync(cancellationToken);
        var offered = await scope.ServiceProvider.GetRequiredService<IOfferStore>().CountPendingAsync(cancellationToken);
        _last = new Sample(depth, offered);
    }

    public void Forget() => _last = null;

    private IEnumerable<Measurement<int>> Requests() => _last is { } last
        ?
        [
            new(last.Depth.Queued, new KeyValuePair<string, object?>("status", "queued")),
            new(last.Depth.AwaitingEligibility, new KeyValuePair<string, object?>("status", "awaiting_eligibility")),
            new(last.Offered, new KeyValuePair<string, object?>("status", "offered")),
        ]
        : [];

    private IEnumerable<Measurement<double>> OldestAge() => _last is { } last
        ? [new(last.Depth.OldestQueuedAt is { } oldest ? Math.Max(0, (_clock.GetUtcNow() - oldest).TotalSeconds) : 0)]
        : [];

    private sealed record Sample(QueueDepth Depth, int Offered);
}
