using System.Diagnostics.Metrics;

namespace PhoneBooking.SchedulingClient.Diagnostics;

/// <summary>The client's instruments, on the meter <c>PhoneBooking.SchedulingClient</c>.</summary>
internal sealed class SchedulingClientMetrics
{
    public const string MeterName = "PhoneBooking.SchedulingClient";

    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _breakerTransitions;

    public SchedulingClientMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _duration = _meter.CreateHistogram<double>(
            "scheduling.client.request.duration", "s", "End-to-end time of one API call, retries included, by operation and outcome.");
        _retries = _meter.CreateCounter<long>(
            "scheduling.client.retries", "{retry}", "Attempts sent again after a transient failure.");
        _breakerTransitions = _meter.CreateCounter<long>(
            "scheduling.client.breaker.transitions", "{transition}", "Circuit breaker state changes, by the state entered.");
    }

    public void RecordCall(string operation, SchedulingOutcome outcome, TimeSpan duration) =>
        _duration.Record(duration.TotalSeconds, new("operation", operation), new("outcome", outcome.ToString()));

    public void RecordRetry(string operation, string reason) =>
        _retries.Add(1, new("operation", operation), new("reason", reason));

    public void RecordBreakerTransition(string state) =>
        _breakerTransitions.Add(1, new KeyValuePair<string, object?>("state", state));

    /// <summary>0 healthy, 1 degraded, 2 down: alert on &gt; 0.</summary>
    public void ObserveHealth(Func<BackendHealthState> read) =>
        _meter.CreateObservableGauge(
            "scheduling.client.backend.health", () => (int)read(), "{state}", "Backend health as the client sees it: 0 healthy, 1 degraded, 2 down.");
}
