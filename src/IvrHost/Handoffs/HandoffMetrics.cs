using System.Diagnostics.Metrics;
using PhoneBooking.IvrHost.Observability;

namespace PhoneBooking.IvrHost.Handoffs;

/// <summary>
/// The way to a person (meter <c>PhoneBooking.IvrHost.Handoffs</c>): how queue waits and dial-throughs
/// end, and the call backs callers chose instead of holding. Tags are Twilio's status words only.
/// </summary>
public sealed class HandoffMetrics
{
    public const string MeterName = "PhoneBooking.IvrHost.Handoffs";

    private readonly Counter<long> _queueEnded;
    private readonly Counter<long> _dialEnded;
    private readonly Counter<long> _callbacks;

    public HandoffMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _queueEnded = meter.CreateCounter<long>("phonebooking.ivr.agent.queue.ended", "{call}", "Callers who left the agent queue, by Twilio's QueueResult.");
        _dialEnded = meter.CreateCounter<long>("phonebooking.ivr.agent.dial.ended", "{call}", "Dial-throughs to the call centre, by Twilio's DialCallStatus.");
        _callbacks = meter.CreateCounter<long>("phonebooking.ivr.agent.callbacks", "{callback}", "Agent call backs saved instead of holding, by when they were offered (queue, unavailable).");
    }

    public void QueueEnded(string queueResult) => _queueEnded.Add(1, Tag("result", queueResult));

    public void DialEnded(string dialCallStatus) => _dialEnded.Add(1, Tag("status", dialCallStatus));

    public void CallbackSaved(string offeredWhen) => _callbacks.Add(1, Tag("offered", offeredWhen));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, TelemetryLabel.Safe(value));
}
