using System.Diagnostics.Metrics;

namespace PhoneBooking.Softphone.Engine;

/// <summary>Meter "PhoneBooking.Softphone": what a load run watches (calls, webhook latency, Twilio errors).</summary>
public sealed class SoftphoneMetrics : IDisposable
{
    public const string MeterName = "PhoneBooking.Softphone";
    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _webhookDuration;
    private readonly Counter<long> _errors;

    public SoftphoneMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _calls = _meter.CreateCounter<long>("softphone.calls", description: "Calls ended, by final status");
        _webhookDuration = _meter.CreateHistogram<double>("softphone.webhook.duration", "ms", "Latency of each request to the line");
        _errors = _meter.CreateCounter<long>("softphone.twilio_errors", description: "Errors Twilio would have logged, by code");
    }

    public void CallEnded(string status) => _calls.Add(1, new KeyValuePair<string, object?>("status", status));

    public void Webhook(string purpose, TimeSpan latency, bool success) =>
        _webhookDuration.Record(latency.TotalMilliseconds, new("purpose", purpose), new("success", success));

    public void TwilioError(int code) => _errors.Add(1, new KeyValuePair<string, object?>("code", code));

    public void Dispose() => _meter.Dispose();
}
