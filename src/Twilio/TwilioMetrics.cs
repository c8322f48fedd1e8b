using System.Diagnostics.Metrics;

namespace PhoneBooking.Twilio;

/// <summary>Meter <c>PhoneBooking.Twilio</c>: refused webhooks by reason, REST retries by status.</summary>
public sealed class TwilioMetrics
{
    public const string MeterName = "PhoneBooking.Twilio";

    private readonly Counter<long> _webhooksRejected;
    private readonly Counter<long> _apiRetries;

    public TwilioMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _webhooksRejected = meter.CreateCounter<long>("phonebooking.twilio.webhooks.rejected", "{request}", "Webhooks refused with 403 by signature validation.");
        _apiRetries = meter.CreateCounter<long>("phonebooking.twilio.api.retries", "{retry}", "Twilio REST requests retried after 429/503.");
    }

    internal void WebhookRejected(string reason) => _webhooksRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void ApiRetried(int statusCode) => _apiRetries.Add(1, new KeyValuePair<string, object?>("http.response.status_code", statusCode));
}
