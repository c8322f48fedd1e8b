namespace PhoneBooking.IvrHost.Observability;

/// <summary>
/// The one structured event per webhook: which call, which route, the state before and after,
/// what moved it, how long it took and how it ended. Ids and names only: labels pass through
/// <see cref="TelemetryLabel.Safe"/>, and the caller's number or input never appears.
/// </summary>
public static partial class WebhookLog
{
    public const int EventId = 2001;
    public const string EventName = "WebhookHandled";

    public static void WebhookHandled(
        ILogger logger, string callSid, string route, string stateFrom, string stateTo, string trigger, TimeSpan latency, string outcome)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
#pragma warning disable CA1873 // Guarded by the IsEnabled check above, which the analyzer does not see through.
            Handled(
                logger, callSid, TelemetryLabel.Safe(route), TelemetryLabel.Safe(stateFrom), TelemetryLabel.Safe(stateTo),
                TelemetryLabel.Safe(trigger), Math.Round(latency.TotalMilliseconds, 2), TelemetryLabel.Safe(outcome));
#pragma warning restore CA1873
        }
    }

    [LoggerMessage(EventId = EventId, EventName = EventName, Level = LogLevel.Information,
        Message = "Webhook {Route} of call {CallSid}: {StateFrom} -> {StateTo} on {Trigger}, {Outcome} in {LatencyMs} ms")]
    private static partial void Handled(
        ILogger logger, string callSid, string route, string stateFrom, string stateTo, string trigger, double latencyMs, string outcome);
}
