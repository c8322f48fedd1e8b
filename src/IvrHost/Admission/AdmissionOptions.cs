namespace PhoneBooking.IvrHost.Admission;

/// <summary>
/// Section <c>Admission</c>: when the door admits a new call (docs/admission.md says how the defaults were
/// chosen). Above any limit a new caller hears that the line is very busy and is offered a call back;
/// calls already in the flow, status callbacks and the fallback never meet the door.
/// </summary>
public sealed class AdmissionOptions
{
    public const string SectionName = "Admission";

    /// <summary>False: every new call is admitted (the limits are still measured and shown).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Calls in progress on the whole line (sessions not ended that had a webhook within <see cref="ActiveWithin"/>,
    /// read from the shared store, so every instance sees the same count) above which a new call is not admitted.
    /// </summary>
    public int MaxCallsInProgress { get; set; } = 600;

    /// <summary>A session with no webhook for this long no longer counts as a call in progress (a lost status callback ages out).</summary>
    public TimeSpan ActiveWithin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Voice webhooks being answered by this instance at once (its own queue) above which a new call is not admitted.</summary>
    public int MaxWebhooksInFlight { get; set; } = 48;

    /// <summary>Mean time this instance took to answer its voice webhooks over <see cref="LatencyWindow"/> above which a new call is not admitted.</summary>
    public TimeSpan MaxWebhookLatency { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How far back the webhook latency is averaged: short, so the door opens again soon after the queue drains.</summary>
    public TimeSpan LatencyWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// While the scheduling backend is not healthy (degraded or down), admitted calls fail to a person more often:
    /// the calls-in-progress limit is this share of <see cref="MaxCallsInProgress"/> (1 = no change).
    /// </summary>
    public double UnhealthyBackendShare { get; set; } = 0.5;

    /// <summary>A caller turned away may press 0 for a person only while fewer handoffs than this wait for an agent.</summary>
    public int MaxHandoffsWaiting { get; set; } = 20;

    /// <summary>How old the shared counts (calls in progress, handoffs waiting) may be before the door reads them again.</summary>
    public TimeSpan CountsRefresh { get; set; } = TimeSpan.FromSeconds(1);
}
