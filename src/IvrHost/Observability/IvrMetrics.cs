using System.Diagnostics.Metrics;

namespace PhoneBooking.IvrHost.Observability;

/// <summary>
/// The line's instruments (meter <c>PhoneBooking.IvrHost</c>). Tags are low-cardinality names
/// (route, outcome, reason, state): never a CallSid, a number or an input; every tag value
/// passes through <see cref="TelemetryLabel.Safe"/>.
/// </summary>
public sealed class IvrMetrics
{
    public const string MeterName = "PhoneBooking.IvrHost";

    /// <summary>
    /// Edges where someone notices: 0.3 s (an in-flow webhook during a surge, issue 16), 1 s (the
    /// webhook SLO, docs/slo.md), 2 s (silence a caller hears), 15 s (Twilio gives up).
    /// </summary>
    public static readonly IReadOnlyList<double> WebhookBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 4, 8, 15];

    /// <summary>The outcome of a webhook whose handling failed and that the safety net answered with the fallback.</summary>
    public const string ErrorOutcome = "error";

    private readonly Counter<long> _callsStarted;
    private readonly Counter<long> _callsCompleted;
    private readonly Counter<long> _journeys;
    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _bookings;
    private readonly Counter<long> _handoffs;
    private readonly Counter<long> _failedInputs;
    private readonly Counter<long> _unverified;
    private readonly Histogram<double> _webhookDuration;
    private readonly Histogram<double> _callDuration;

    public IvrMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _callsStarted = meter.CreateCounter<long>("phonebooking.ivr.calls.started", "{call}", "Calls the line answered.");
        _callsCompleted = meter.CreateCounter<long>("phonebooking.ivr.calls.completed", "{call}", "Calls that ended, by Twilio's final call status.");
        _journeys = meter.CreateCounter<long>("phonebooking.ivr.journeys", "{call}", "Calls that ended, by what they were for (journey) and what they reached (outcome): the booking journey SLO.");
        _webhooks = meter.CreateCounter<long>("phonebooking.ivr.webhooks", "{webhook}", "Voice webhooks answered, by route and outcome.");
        _bookings = meter.CreateCounter<long>("phonebooking.ivr.bookings", "{booking}", "Bookings and group visits made by phone, by kind.");
        _handoffs = meter.CreateCounter<long>("phonebooking.ivr.handoffs", "{call}", "Calls handed to a person, by reason.");
        _failedInputs = meter.CreateCounter<long>("phonebooking.ivr.inputs.failed", "{input}", "No input or invalid input at a prompt, by state and kind.");
        _unverified = meter.CreateCounter<long>("phonebooking.ivr.callers.unverified", "{attempt}", "Returning callers whose birth date did not match the request they wanted to continue, by whether the request was then refused.");
        _webhookDuration = meter.CreateHistogram(
            "phonebooking.ivr.webhook.duration", "s", "Time to answer one voice webhook.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WebhookBuckets });
        _callDuration = meter.CreateHistogram(
            "phonebooking.ivr.call.duration", "s", "Length of a call, from Twilio's status callback.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [15, 30, 60, 120, 180, 300, 450, 600, 900, 1200, 1800, 3600] });
    }

    public void CallStarted() => _callsStarted.Add(1);

    /// <param name="status">Twilio's final CallStatus: completed, busy, no-answer, failed, canceled.</param>
    /// <param name="duration">Twilio's CallDuration, when it sent one.</param>
    public void CallCompleted(string status, TimeSpan? duration)
    {
        var tag = Tag("status", status);
        _callsCompleted.Add(1, tag);
        if (duration is { } length)
        {
            _callDuration.Record(length.TotalSeconds, tag);
        }
    }

    /// <param name="journey"><see cref="CallJourney"/>: booking, manage, group-visit, none.</param>
    /// <param name="outcome">booked, callback, answered, agent, abandoned.</param>
    public void JourneyEnded(string journey, string outcome) => _journeys.Add(1, Tag("journey", journey), Tag("outcome", outcome));

    public void WebhookHandled(string route, string outcome, TimeSpan latency)
    {
        var routeTag = Tag("route", route);
        var outcomeTag = Tag("outcome", outcome);
        _webhooks.Add(1, routeTag, outcomeTag);
        _webhookDuration.Record(latency.TotalSeconds, routeTag, outcomeTag);
    }

    /// <param name="kind">e.g. <c>booking</c>, <c>group-visit</c>.</param>
    public void Booked(string kind) => _bookings.Add(1, Tag("kind", kind));

    /// <param name="reason">e.g. <c>caller-asked</c>, <c>repeated-failures</c>, <c>backend-failure</c>.</param>
    public void HandedOff(string reason) => _handoffs.Add(1, Tag("reason", reason));

    /// <param name="kind"><c>no-input</c> or <c>invalid</c>.</param>
    public void InputFailed(string state, string kind) => _failedInputs.Add(1, Tag("state", state), Tag("kind", kind));

    /// <param name="refused">The last allowed try failed: that request can no longer be continued by phone.</param>
    public void CallerUnverified(bool refused) => _unverified.Add(1, Tag("refused", refused ? "true" : "false"));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, TelemetryLabel.Safe(value));
}
