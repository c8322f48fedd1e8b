using System.Diagnostics.Metrics;
using PhoneBooking.SchedulingApi.Observability;

namespace PhoneBooking.SchedulingApi.LoadShedding;

/// <summary>Load shedding's instruments, on the API's meter (docs/operations.md lists them; their names are stable).</summary>
internal sealed class LoadSheddingMetrics
{
    private readonly Counter<long> _shed;
    private readonly UpDownCounter<long> _inFlight;
    private readonly UpDownCounter<long> _queued;
    private readonly Histogram<double> _queueTime;

    public LoadSheddingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SchedulingMetrics.MeterName);
        _shed = meter.CreateCounter<long>(
            "scheduling.load.shed", "{request}", "Requests answered 503 overloaded, by reason: queue-full, queue-timeout, deadline.");
        _inFlight = meter.CreateUpDownCounter<long>(
            "scheduling.load.in_flight", "{request}", "Requests running now (at most LoadShedding:MaxConcurrentRequests).");
        _queued = meter.CreateUpDownCounter<long>(
            "scheduling.load.queued", "{request}", "Requests waiting for a slot now.");
        _queueTime = meter.CreateHistogram<double>(
            "scheduling.load.queue.duration", "s", "Time a request waited for a slot, shed or not.");
    }

    public void Shed(string reason) => _shed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Started() => _inFlight.Add(1);

    public void Finished() => _inFlight.Add(-1);

    public void Queued() => _queued.Add(1);

    public void Dequeued(TimeSpan waited)
    {
        _queued.Add(-1);
        _queueTime.Record(waited.TotalSeconds);
    }
}
