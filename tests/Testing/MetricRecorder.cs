using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PhoneBooking.Testing;

/// <summary>
/// Records the measurements of one meter of one host (by the host's <see cref="IMeterFactory"/>:
/// other tests create meters of the same name in parallel).
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, string?> Tags)> _measurements = new();

    public MetricRecorder(IMeterFactory scope, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Meter.Name == meterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
        _listener.Start();
    }

    /// <summary>The sum of a counter's measurements whose tag <paramref name="tag"/> is <paramref name="value"/>.</summary>
    public long Sum(string instrument, string tag, string value) =>
        _measurements.Where(m => m.Instrument == instrument && m.Tags.GetValueOrDefault(tag) == value).Sum(m => m.Value);

    /// <summary>The sum of all of an instrument's measurements (an up-down counter's current value).</summary>
    public long Total(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
