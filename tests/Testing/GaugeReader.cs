using System.Diagnostics.Metrics;

namespace PhoneBooking.Testing;

/// <summary>
/// Reads one host's instruments of one meter as an exporter would: observable gauges when asked
/// (<see cref="Observe"/>), histograms and counters as they are recorded. Scoped by the host's
/// <see cref="IMeterFactory"/>: other tests create meters of the same name in parallel.
/// </summary>
public sealed class GaugeReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = [];

    public GaugeReader(IMeterFactory scope, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Meter.Name == meterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Asks every observable instrument for its values now; returns "instrument" or "instrument{tag=value}" → value.</summary>
    public IReadOnlyDictionary<string, double> Observe()
    {
        lock (_measurements)
        {
            _measurements.Clear();
        }

        _listener.RecordObservableInstruments();
        lock (_measurements)
        {
            return _measurements.ToDictionary(m => Key(m.Instrument, m.Tags), m => m.Value);
        }
    }

    /// <summary>Every value recorded so far on <paramref name="instrument"/> (histograms, counters).</summary>
    public IReadOnlyList<double> Recorded(string instrument)
    {
        lock (_measurements)
        {
            return [.. _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];
        }
    }

    /// <summary>The tags of every value recorded so far on <paramref name="instrument"/>.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> RecordedTags(string instrument)
    {
        lock (_measurements)
        {
            return [.. _measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags)];
        }
    }

    public void Dispose() => _listener.Dispose();

    private static string Key(string instrument, Dictionary<string, string?> tags) =>
        tags.Count == 0 ? instrument : $"{instrument}{{{string.Join(",", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))}}}";

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }
}
