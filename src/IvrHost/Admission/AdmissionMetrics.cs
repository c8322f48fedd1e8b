using System.Diagnostics.Metrics;
using PhoneBooking.IvrHost.Observability;

namespace PhoneBooking.IvrHost.Admission;

/// <summary>
/// The door's counters (meter <c>PhoneBooking.IvrHost</c>): <c>phonebooking.ivr.calls.admitted</c> and
/// <c>phonebooking.ivr.calls.shed</c> by <c>reason</c> (calls-in-progress, webhooks-in-flight, webhook-latency).
/// </summary>
public sealed class AdmissionMetrics
{
    private readonly Counter<long> _admitted;
    private readonly Counter<long> _shed;

    public AdmissionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(IvrMetrics.MeterName);
        _admitted = meter.CreateCounter<long>("phonebooking.ivr.calls.admitted", "{call}", "New calls the door admitted to the menu.");
        _shed = meter.CreateCounter<long>("phonebooking.ivr.calls.shed", "{call}", "New calls the door turned to a call back (the line was full), by reason.");
    }

    public void Admitted() => _admitted.Add(1);

    public void Shed(ShedReason reason) => _shed.Add(1, new KeyValuePair<string, object?>("reason", Tag(reason)));

    /// <summary>The reason as metrics and logs name it.</summary>
    public static string Tag(ShedReason reason) => reason switch
    {
        ShedReason.CallsInProgress => "calls-in-progress",
        ShedReason.WebhooksInFlight => "webhooks-in-flight",
        _ => "webhook-latency",
    };
}
