using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Observability;

namespace PhoneBooking.IvrHost.Tests.Observability;

public sealed class IvrMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<IvrMetrics>().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = [];

    public IvrMetricsTests()
    {
        // Only this container's meter: other tests create meters of the same name in parallel.
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == IvrMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void EveryInstrument_IsEmittedWithItsTags()
    {
        var metrics = _services.GetRequiredService<IvrMetrics>();

        metrics.CallStarted();
        metrics.CallCompleted("completed", TimeSpan.FromMinutes(3));
        metrics.WebhookHandled("/voice/input", "ok", TimeSpan.FromMilliseconds(20));
        metrics.Booked("booking");
        metrics.HandedOff("repeated-failures");
        metrics.InputFailed("AskBirthDate", "invalid");

        IEnumerable<(string, double)> expected =
            [
                ("phonebooking.ivr.calls.started", 1),
                ("phonebooking.ivr.calls.completed", 1),
                ("phonebooking.ivr.call.duration", 180),
                ("phonebooking.ivr.webhooks", 1),
                ("phonebooking.ivr.webhook.duration", 0.02),
                ("phonebooking.ivr.bookings", 1),
                ("phonebooking.ivr.handoffs", 1),
                ("phonebooking.ivr.inputs.failed", 1),
            ];
        Assert.Equal(expected, _measurements.Select(m => (m.Instrument, m.Value)));
        Assert.Equal("completed", Tag("phonebooking.ivr.calls.completed", "status"));
        Assert.Equal(("/voice/input", "ok"), (Tag("phonebooking.ivr.webhook.duration", "route"), Tag("phonebooking.ivr.webhook.duration", "outcome")));
        Assert.Equal("booking", Tag("phonebooking.ivr.bookings", "kind"));
        Assert.Equal("repeated-failures", Tag("phonebooking.ivr.handoffs", "reason"));
        Assert.Equal(("AskBirthDate", "invalid"), (Tag("phonebooking.ivr.inputs.failed", "state"), Tag("phonebooking.ivr.inputs.failed", "kind")));
    }

    [Fact]
    public void CallCompleted_WithoutDuration_CountsButRecordsNoDuration()
    {
        _services.GetRequiredService<IvrMetrics>().CallCompleted("no-answer", duration: null);

        Assert.Equal(["phonebooking.ivr.calls.completed"], _measurements.Select(m => m.Instrument));
    }

    [Fact]
    public void Tags_BuiltFromInput_CarryNoNumbers()
    {
        var metrics = _services.GetRequiredService<IvrMetrics>();

        metrics.HandedOff("caller +14165550123 asked");
        metrics.InputFailed("AskPin 5678", "invalid 19500323");
        metrics.WebhookHandled("/voice/input?from=+14165550123", "ok", TimeSpan.FromMilliseconds(1));

        var tagValues = _measurements.SelectMany(m => m.Tags.Values).ToList();
        Assert.NotEmpty(tagValues);
        Assert.All(tagValues, value => Assert.DoesNotMatch(@"\d{4}", value));
    }

    private string? Tag(string instrument, string tag) => _measurements.First(m => m.Instrument == instrument).Tags[tag];

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue?.ToString();
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }
}
