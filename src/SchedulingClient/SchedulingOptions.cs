namespace PhoneBooking.SchedulingClient;

/// <summary>
/// Settings bound from the <c>Scheduling</c> section. The defaults fit a phone call: Twilio
/// waits 15 s for a webhook, but the caller hears silence while it runs, and silence over 2 s
/// sounds like a dropped call; so one API call gets at most 1.5 s, its one retry included
/// (docs/scheduling-client.md).
/// </summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Root of the scheduling API, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// This client's key for the API (<c>X-Api-Key</c>). Required: the API answers nothing else without
    /// one. The line's embedded API gets a fresh key at every start, set here automatically.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Budget for one logical call: every attempt and back-off included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Budget for one HTTP attempt, response body included. Longer than the API's own
    /// <c>LoadShedding:RequestDeadline</c> (0.8 s), so an overloaded API's quick 503 arrives before this gives up.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries after the first attempt (0 turns retries off).</summary>
    public int RetryCount { get; set; } = 1;

    /// <summary>First back-off; doubles per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Share of failed attempts within the sampling duration that opens the breaker.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts the breaker must see in the sampling duration before it may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the breaker stays open before it lets one trial call through.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often <c>/health/ready</c> is probed (the probe is also the breaker's trial call when nobody else calls).</summary>
    public TimeSpan HealthProbeInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive failed probes that turn the backend Down (one failed probe is Degraded).</summary>
    public int HealthProbeFailuresForDown { get; set; } = 2;

    /// <summary>Sliding window over which call failures and latency are judged.</summary>
    public TimeSpan HealthWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls needed in the window before its failure ratio or latency can degrade the backend.</summary>
    public int DegradedMinimumCalls { get; set; } = 5;

    /// <summary>Share of failed calls in the window that makes the backend Degraded.</summary>
    public double DegradedFailureRatio { get; set; } = 0.2;

    /// <summary>90th-percentile call latency in the window that makes the backend Degraded.</summary>
    public TimeSpan DegradedLatency { get; set; } = TimeSpan.FromSeconds(1);
}
