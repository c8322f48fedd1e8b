using System.Diagnostics.Metrics;
using PhoneBooking.IvrHost.Observability;

namespace PhoneBooking.IvrHost.Handoffs;

/// <summary>
/// The way to a person (meter <c>PhoneBooking.IvrHost.Handoffs</c>): how queue waits and dial-throughs
/// end and how long callers held, and the call backs callers chose instead of holding. Tags are Twilio's status words only.
/// </summary>
public sealed class HandoffMetrics
{
    public const string MeterName = "PhoneBooking.IvrHost.Handoffs";

    private readonly Counter<long> _queueEnded;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _dialEnded;
    private readonly Counter<long> _callbacks;

    public HandoffMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _queueEnded = meter.CreateCounter<long>("phonebooking.ivr.agent.queue.ended", "{call}", "Callers who left the agent queue, by Twilio's QueueResult.");
        _queueWait = meter.CreateHistogram(
            "phonebooking.ivr.agent.queue.wait", "s", "Time callers held in the agent queue (Twilio's QueueTime), by how the wait ended.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [15, 30, 60, 120, 180, 300, 450, 600, 900, 1200, 1800, 3600] });
        _dialEnded = meter.CreateCounter<long>("phonebooking.ivr.agent.dial.ended", "{call}", "Dial-throughs to the call centre, by Twilio's DialCallStatus.");
        _callbacks = meter.CreateCounter<long>("phonebooking.ivr.agent.callbacks", "{callback}", "Agent call backs saved instead of holding, by when they were offered (queue, unavailable).");
    }

    /// <param name="queueTime">How long the caller held: the agent wait SLO (docs/slo.md) reads it with the result.</param>
    public void QueueEnded(string queueResult, TimeSpan queueTime)
    {
        var tag = Tag("result", queueResult);
        _queueEnded.Add(1, tag);
        _queueWait.Record(queueTime.TotalSeconds, tag);
    }

    public void DialEnded(string dialCallStatus) => _dialEnded.Add(1, Tag("status", dialCallStatus));

    public void CallbackSaved(string offeredWhen) => _callbacks.Add(1, Tag("offered", offeredWhen));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, TelemetryLabel.Safe(value));
}
