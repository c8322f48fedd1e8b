namespace PhoneBooking.Softphone.Calls;

public enum EndReason
{
    /// <summary>&lt;Hangup/&gt; (or &lt;Reject/&gt; on an answered call).</summary>
    LineHungUp,

    /// <summary>The TwiML ran out of verbs: Twilio hangs up.</summary>
    DocumentEnded,

    CallerHungUp,

    /// <summary>&lt;Reject/&gt; as the first verb: never answered.</summary>
    Rejected,

    /// <summary>TwiML could not be fetched or executed (nor the fallback): "an application error has occurred".</summary>
    ApplicationError,

    /// <summary>The REST API (call update Status=completed) ended it.</summary>
    EndedByApi,

    NoAnswer,
    Busy,
    Failed,

    /// <summary>Twilio's 4-hour limit, or the softphone's runaway guard.</summary>
    TimeLimit,

    /// <summary>The test or the person at the keyboard stopped the softphone.</summary>
    Canceled,
}

/// <summary>How a call ended: Twilio's final CallStatus and why.</summary>
public sealed record CallEnding(string Status, EndReason Reason, string Detail);
