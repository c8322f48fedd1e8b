using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.SchedulingClient.Tests.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests.Diagnostics;

public sealed class MetricsTests
{
    [Fact]
    public async Task Calls_Retries_BreakerAndHealth_AreMeasured()
    {
        await using var server = await ApiStub.StartAsync();
        server.Script("GET /v1/sites", Fault.Status(503), Fault.Json("[]"), Fault.Status(500));
        await using var harness = ClientHarness.Create(server.BaseAddress, s =>
        {
            s["Scheduling:RetryCount"] = "1";
            s["Scheduling:BreakerMinimumThroughput"] = "3";
            s["Scheduling:BreakerFailureRatio"] = "0.5";
        });
        using var measurements = new Measurements(harness.Services.GetRequiredService<IMeterFactory>());

        await harness.Client.GetSitesAsync();
        await harness.Client.GetSitesAsync();
        measurements.RecordObservables();

        Assert.Contains(("scheduling.client.request.duration", "operation=get-sites,outcome=Success"), measurements.Names);
        Assert.Contains(("scheduling.client.request.duration", "operation=get-sites,outcome=BackendFailure"), measurements.Names);
        Assert.Contains(("scheduling.client.retries", "operation=get-sites,reason=http-503"), measurements.Names);
        Assert.Contains(("scheduling.client.breaker.transitions", "state=open"), measurements.Names);
        Assert.Equal(2d, measurements.Last("scheduling.client.backend.health"));
    }

    /// <summary>Listens to this test's own meter only (other tests run in parallel with meters of the same name).</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Name, string Tags, double Value)> _seen = new();

        public Measurements(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "PhoneBooking.SchedulingClient" && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
            _listener.Start();
        }

        public IEnumerable<(string, string)> Names => _seen.Select(s => (s.Name, s.Tags));

        public double Last(string name) => _seen.Last(s => s.Name == name).Value;

        public void RecordObservables() => _listener.RecordObservableInstruments();

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            _seen.Enqueue((instrument.Name, string.Join(",", tags.ToArray().OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}")), value));
    }
}
