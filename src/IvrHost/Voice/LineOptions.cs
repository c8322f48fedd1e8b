using System.ComponentModel.DataAnnotations;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>The phone line's own settings (section <c>Line</c>).</summary>
public sealed class LineOptions
{
    public const string SectionName = "Line";

    /// <summary>The line's time zone: "today" for birth dates and preferred days, calling hours.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Toronto";

    /// <summary>Name of the Twilio queue callers wait in for a person.</summary>
    [Required]
    public string AgentQueue { get; set; } = "agents";

    /// <summary>A call-centre number or SIP address callers are put through to when the line itself cannot serve them.</summary>
    public string? OverflowNumber { get; set; }

    /// <summary>A call-centre phone number (E.164) callers are put through to instead of the queue.</summary>
    public string? AgentNumber { get; set; }

    /// <summary>A call-centre SIP address (<c>sip:agents@pbx.example.org</c>) callers are put through to instead of the queue.</summary>
    public string? AgentSip { get; set; }

    /// <summary>How long a caller holds for a person before the wait offers "press 1 to be called back".</summary>
    public TimeSpan QueueCallbackOfferAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A recording played while callers wait (the agents' queue, an offer); absolute http(s) URL. Without one, short quiet rounds.</summary>
    public Uri? HoldMusicUrl { get; set; }

    /// <summary>Announced after the welcome on every call while set (an incident, a closure).</summary>
    public string? IncidentMessage { get; set; }

    /// <summary>How long an unfinished call can be continued by calling back from the same number.</summary>
    public TimeSpan ResumeWithin { get; set; } = TimeSpan.FromHours(2);
}
