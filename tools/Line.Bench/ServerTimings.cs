using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PhoneBooking.Line.Bench;

/// <summary>
/// Where the time goes, from the instruments already in the process (no profiler on these machines):
/// ASP.NET Core's <c>http.server.request.duration</c> by route — the line's webhooks and the embedded
/// scheduling API's endpoints alike — and the line's own <c>phonebooking.ivr.webhook.duration</c>.
/// Only for a line started in this process.
/// </summary>
internal sealed class ServerTimings : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _byRoute = new();

    public ServerTimings()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "http.server.request.duration" or "phonebooking.ivr.webhook.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(Record);
        _listener.Start();
    }

    public void Reset() => _byRoute.Clear();

    /// <summary>Routes by total time spent (count × mean), the costliest first.</summary>
    public IEnumerable<(string Route, LatencySummary Latency, double TotalSeconds)> ByRoute() =>
        _byRoute.Select(r => (r.Key, new LatencySummary(r.Value), r.Value.Sum() / 1000))
            .OrderByDescending(r => r.Item3);

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? route = null;
        string? method = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "http.route" or "route":
                    route = tag.Value?.ToString();
                    break;
                case "http.request.method":
                    method = tag.Value?.ToString();
                    break;
            }
        }

        var name = instrument.Name == "phonebooking.ivr.webhook.duration" ? $"line handler {route}" : $"http {method} {route ?? "(no route)"}";
        _byRoute.GetOrAdd(name, _ => []).Add(seconds * 1000);
    }
}
