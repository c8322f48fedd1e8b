namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>The outbound queue and its dialer (section <c>Callbacks</c>). Defaults: docs/callbacks.md. Where it may call and how often: <c>Outbound</c>.</summary>
public sealed class CallbackOptions
{
    public const string SectionName = "Callbacks";

    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
        [TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20)];

    /// <summary>Runs the dialer in this host. Off: callbacks are still saved (another host, or a later start, dials them).</summary>
    public bool DialerEnabled { get; set; } = true;

    /// <summary>Where Twilio reaches this line (e.g. https://line.example.org): the base of the callback URLs. Falls back to Twilio:BaseUrlOverride.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Twilio's calls-per-second limit for the account (1 unless Twilio raised it), shared by every host on the database.</summary>
    public double CallsPerSecond { get; set; } = 1;

    /// <summary>Calls start only in this window of the callee's local time.</summary>
    public TimeSpan CallingHoursStart { get; set; } = TimeSpan.FromHours(9);

    public TimeSpan CallingHoursEnd { get; set; } = TimeSpan.FromHours(20);

    /// <summary>How long a callback rings before it counts as no answer (Twilio's Timeout; time for a senior to reach the phone).</summary>
    public int RingTimeoutSeconds { get; set; } = 30;

    /// <summary>Twilio's MachineDetection: DetectMessageEnd (the message goes after the beep) or Enable.</summary>
    public string MachineDetection { get; set; } = "DetectMessageEnd";

    /// <summary>One-second pauses after the introduction while machine detection decides, before the line assumes a person.</summary>
    public int MachineDetectionWaits { get; set; } = 10;

    /// <summary>Wait before each retry after no answer, busy or failed; their count is the retry cap. Null: 2, 5, 10, 20 minutes.</summary>
    public List<TimeSpan>? RetryDelays { get; set; }

    /// <summary>Text the person how to reach us once the retries are spent (a machine gets the spoken message instead).</summary>
    public bool FinalSms { get; set; } = true;

    /// <summary>Agent callbacks dialled or on the line at once: the stand-in for "an agent is free".</summary>
    public int MaxConcurrentAgentCallbacks { get; set; } = 2;

    /// <summary>How long a claim holds before another dialer may take the callback over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A placed call with no word from Twilio for this long is given up as lost (Twilio ends any call after 4 hours).</summary>
    public TimeSpan StaleCallAfter { get; set; } = TimeSpan.FromHours(4);

    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays is { Count: > 0 } delays ? delays : DefaultRetryDelays;

    /// <summary>An attempt in doubt is settled as not placed after this: Twilio's statuses would have come by then.</summary>
    public TimeSpan SettleTime => TimeSpan.FromSeconds(RingTimeoutSeconds) + TimeSpan.FromMinutes(2);

    public TimeSpan DialInterval => TimeSpan.FromSeconds(1 / CallsPerSecond);
}
