using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingClient.Diagnostics;

namespace PhoneBooking.SchedulingClient.Health;

/// <summary>
/// Folds three signals into one state, worst first: the breaker (open → Down, half-open →
/// Degraded), the readiness probe (N failures in a row → Down, one → Degraded) and the window
/// of recent calls (failure ratio or p90 latency over the limits → Degraded).
/// </summary>
internal sealed class BackendHealthMonitor : IBackendHealth
{
    private const string HealthyReason = "breaker closed, readiness probe passing, recent calls within limits";

    private readonly Lock _gate = new();
    private readonly SchedulingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CallWindow _window;
    private volatile BackendHealthSnapshot _current;

    private BreakerSignal _breaker = BreakerSignal.Closed;
    private string _breakerReason = "";
    private int _probeFailuresInARow;
    private string _probeReason = "";

    public BackendHealthMonitor(IOptions<SchedulingOptions> options, TimeProvider time, SchedulingClientMetrics metrics, ILogger<BackendHealthMonitor> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _window = new CallWindow(_options.HealthWindow);
        _current = new(BackendHealthState.Healthy, HealthyReason, time.GetUtcNow());
        metrics.ObserveHealth(() => _current.State);
    }

    private enum BreakerSignal
    {
        Closed,
        HalfOpen,
        Open,
    }

    public BackendHealthSnapshot Current => _current;

    public event EventHandler<BackendHealthChangedEventArgs>? Changed;

    /// <summary>A finished API call (calls the breaker refused are not evidence and are not recorded).</summary>
    public void RecordCall(TimeSpan duration, bool failed) =>
        Update(() => _window.Add(_time.GetUtcNow(), duration, failed));

    public void BreakerOpened(string reason) => Update(() => (_breaker, _breakerReason) = (BreakerSignal.Open, reason));

    public void BreakerHalfOpened() => Update(() => _breaker = BreakerSignal.HalfOpen);

    public void BreakerClosed() => Update(() => _breaker = BreakerSignal.Closed);

    public void ProbeSucceeded() => Update(() => _probeFailuresInARow = 0);

    public void ProbeFailed(string reason) => Update(() => (_probeFailuresInARow, _probeReason) = (_probeFailuresInARow + 1, reason));

    /// <summary>Re-judges without new evidence, so failures age out of the window even when no one calls.</summary>
    public void Refresh() => Update(() => { });

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
            var now = _time.GetUtcNow();
            var (state, reason) = Judge(now);
            var previous = _current;
            if (state == previous.State)
            {
                if (reason != previous.Reason)
                {
                    _current = previous with { Reason = reason };
                }

                return;
            }

            _current = new(state, reason, now);
            Log.HealthChanged(_logger, previous.State, state, reason);

            // Raised under the lock so subscribers see transitions in the order they happened.
            Changed?.Invoke(this, new(previous, _current));
        }
    }

    private (BackendHealthState, string) Judge(DateTimeOffset now)
    {
        if (_breaker == BreakerSignal.Open)
        {
            return (BackendHealthState.Down, _breakerReason);
        }

        if (_probeFailuresInARow >= _options.HealthProbeFailuresForDown)
        {
            return (BackendHealthState.Down, $"readiness probe failed {_probeFailuresInARow} times in a row: {_probeReason}");
        }

        if (_breaker == BreakerSignal.HalfOpen)
        {
            return (BackendHealthState.Degraded, "circuit breaker half-open: trying the backend again");
        }

        if (_probeFailuresInARow > 0)
        {
            return (BackendHealthState.Degraded, $"readiness probe failed: {_probeReason}");
        }

        var stats = _window.Measure(now);
        if (stats.Calls >= _options.DegradedMinimumCalls)
        {
            if (stats.Failures >= stats.Calls * _options.DegradedFailureRatio)
            {
                return (BackendHealthState.Degraded, string.Create(CultureInfo.InvariantCulture, $"{stats.Failures} of {stats.Calls} calls failed in the last {_options.HealthWindow.TotalSeconds:0.#} s"));
            }

            if (stats.P90Latency >= _options.DegradedLatency)
            {
                return (BackendHealthState.Degraded,
                    string.Create(CultureInfo.InvariantCulture, $"p90 latency {stats.P90Latency.TotalMilliseconds:0} ms over {stats.Calls} calls in the last {_options.HealthWindow.TotalSeconds:0.#} s (limit {_options.DegradedLatency.TotalMilliseconds:0} ms)"));
            }
        }

        return (BackendHealthState.Healthy, HealthyReason);
    }
}
