namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// One complete answer of the machine: the next session, every line to say (with its values), what
/// follows the words (listen, hang up, a person, or work the host must do first), the typed events
/// for metrics, and — for the log — the state it came from and what moved it.
/// Rendering it as TwiML is a plain mapping (Voice/CallTwiml).
/// </summary>
public sealed record Step(CallSession Session, IReadOnlyList<Line> Say, Next Next, IReadOnlyList<FlowEvent> Events, CallState From, string Trigger)
{
    public bool NeedsWork => Next is DoWork;
}

/// <summary>What follows the words of a step.</summary>
public abstract record Next;

/// <summary>
/// Listen (a Gather): what the caller is told is exactly what this accepts. <paramref name="FinishOnKey"/> ""
/// means every key arrives as typed (<c>#</c> and <c>*</c> included); <paramref name="Speech"/> null means keys only.
/// </summary>
public sealed record Listening(int Turn, int? NumDigits, string FinishOnKey, int TimeoutSeconds, SpeechListening? Speech) : Next
{
    /// <summary>A round of waiting on the line: hold music, when the line has some, fills the quiet.</summary>
    public bool Holding { get; init; }
}

/// <summary>Spoken answers are welcome, in this language, with these words as hints to the recognizer.</summary>
public sealed record SpeechListening(string Language, IReadOnlyList<string> Hints);

public sealed record HangUp : Next;

/// <summary>The automated part ends: the caller goes to a person.</summary>
public sealed record ToPerson(HandoffReason Reason) : Next;

/// <summary>The session sits in a task state: the host does its work and feeds the outcome back.</summary>
public sealed record DoWork(CallState Task) : Next;

/// <summary>What a step did that operators count: the metrics read these, never the trigger text.</summary>
public abstract record FlowEvent;

public enum MissKind
{
    NoInput,
    Invalid,
}

/// <summary>A prompt got silence, or an answer it does not take.</summary>
public sealed record InputMissed(CallState State, MissKind Kind) : FlowEvent;

public sealed record HandedOff(HandoffReason Reason) : FlowEvent;

/// <summary>An offer was accepted in this call: a new booking.</summary>
public sealed record AppointmentBooked : FlowEvent;

public sealed record GroupVisitRequested : FlowEvent;

/// <summary>A returning caller's birth date did not match the request they wanted to continue.</summary>
public sealed record CallerUnverified(bool Refused) : FlowEvent;
