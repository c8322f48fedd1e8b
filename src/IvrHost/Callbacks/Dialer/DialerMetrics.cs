using System.Diagnostics.Metrics;
using PhoneBooking.IvrHost.Observability;

namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>
/// The dialer's instruments (meter <c>PhoneBooking.Dialer</c>). Tags are fixed words (kind, status,
/// reason), never an id or a number.
/// </summary>
public sealed class DialerMetrics
{
    public const string MeterName = "PhoneBooking.Dialer";

    private readonly Counter<long> _placed;
    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _postponed;
    private readonly Counter<long> _notPlaced;
    private readonly Counter<long> _recovered;
    private readonly Counter<long> _notices;
    private readonly Counter<long> _events;
    private readonly Histogram<double> _pacingLag;
    private readonly Histogram<double> _offerCallbackDelay;

    public DialerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _placed = meter.CreateCounter<long>("phonebooking.dialer.calls.placed", "{call}", "Callback calls Twilio accepted, by kind.");
        _outcomes = meter.CreateCounter<long>("phonebooking.dialer.calls.outcome", "{call}", "How placed callbacks went: human, machine, machine-late, no-answer, busy, failed, canceled, hung-up (before the line decided).");
        _refused = meter.CreateCounter<long>("phonebooking.dialer.refused", "{callback}", "Callbacks refused by the toll-fraud guard or Twilio, by reason.");
        _postponed = meter.CreateCounter<long>("phonebooking.dialer.postponed", "{callback}", "Callbacks put off: calling-hours, daily-cap.");
        _notPlaced = meter.CreateCounter<long>("phonebooking.dialer.not_placed", "{call}", "Creates Twilio declined before acting (rate limit, outage, configuration), or left in doubt.");
        _recovered = meter.CreateCounter<long>("phonebooking.dialer.recovered", "{attempt}", "Attempts settled after a lease ended: abandoned, not-placed, lost.");
        _notices = meter.CreateCounter<long>("phonebooking.dialer.final_notices", "{message}", "Final text messages after the retries ran out, by result.");
        _events = meter.CreateCounter<long>("phonebooking.dialer.feed.events", "{event}", "Scheduling API events read from the feed.");
        _pacingLag = meter.CreateHistogram(
            "phonebooking.dialer.pacing.lag", "s", "How late a call was dialled after its pacing slot became free, while calls queue up.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _offerCallbackDelay = meter.CreateHistogram(
            "phonebooking.dialer.offer_callback.delay", "s", "From an offer callback becoming due (its offer made, inside calling hours) to its first dial: the offer callback SLO.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600] });
    }

    /// <summary>The tag value of a callback kind: <c>offer</c>, <c>agent</c>, <c>reminder</c>.</summary>
    public static string KindTag(CallbackKind kind) => kind.ToString().ToLowerInvariant();

    public void Placed(CallbackKind kind) => _placed.Add(1, Tag("kind", KindTag(kind)));

    /// <summary>The first dial of an offer callback, <paramref name="delay"/> after it became due.</summary>
    public void OfferCallbackDialled(TimeSpan delay) => _offerCallbackDelay.Record(Math.Max(0, delay.TotalSeconds));

    public void Outcome(string outcome) => _outcomes.Add(1, Tag("outcome", outcome));

    public void Refused(string reason) => _refused.Add(1, Tag("reason", reason));

    public void Postponed(string reason) => _postponed.Add(1, Tag("reason", reason));

    public void NotPlaced(string reason) => _notPlaced.Add(1, Tag("reason", reason));

    public void Recovered(Recovery recovery)
    {
        Add(_recovered, recovery.Abandoned, "abandoned");
        Add(_recovered, recovery.NotPlaced, "not-placed");
        Add(_recovered, recovery.Lost, "lost");
    }

    public void Notice(string result) => _notices.Add(1, Tag("result", result));

    public void EventsRead(int count) => _events.Add(count);

    public void PacingLag(TimeSpan lag) => _pacingLag.Record(Math.Max(0, lag.TotalSeconds));

    private static void Add(Counter<long> counter, int count, string what)
    {
        if (count > 0)
        {
            counter.Add(count, Tag("what", what));
        }
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, TelemetryLabel.Safe(value));
}
