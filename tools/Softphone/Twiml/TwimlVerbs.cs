namespace PhoneBooking.Softphone.Twiml;

/// <summary>A verb of a TwiML document, as Twilio's interpreter reads it (line numbers for error messages).</summary>
public abstract record TwimlVerb(int Line);

public sealed record SayVerb(int Line, string Text, string? Voice, string Language, int Loop) : TwimlVerb(Line);

public sealed record PlayVerb(int Line, string? Url, string? Digits, int Loop) : TwimlVerb(Line);

public sealed record PauseVerb(int Line, TimeSpan Length) : TwimlVerb(Line);

[Flags]
public enum GatherInput
{
    Dtmf = 1,
    Speech = 2,
}

public sealed record GatherVerb(
    int Line,
    string? Action,
    HttpMethod Method,
    TimeSpan Timeout,
    int? NumDigits,
    string FinishOnKey,
    GatherInput Input,
    string Language,
    bool ActionOnEmptyResult,
    string? Hints,
    IReadOnlyList<TwimlVerb> Prompts) : TwimlVerb(Line);

public sealed record RedirectVerb(int Line, string Url, HttpMethod Method) : TwimlVerb(Line);

public sealed record HangupVerb(int Line) : TwimlVerb(Line);

public sealed record RejectVerb(int Line, string Reason) : TwimlVerb(Line);

public sealed record EnqueueVerb(int Line, string QueueName, string? Action, HttpMethod Method, string? WaitUrl, HttpMethod WaitUrlMethod) : TwimlVerb(Line);

public sealed record LeaveVerb(int Line) : TwimlVerb(Line);

public enum DialTargetKind
{
    Number,
    Client,
    Sip,
    Queue,
    Conference,
    Application,
    Sim,
}

public sealed record DialTarget(DialTargetKind Kind, string Value, string? Url, HttpMethod Method);

public sealed record DialVerb(
    int Line,
    IReadOnlyList<DialTarget> Targets,
    string? Action,
    HttpMethod Method,
    TimeSpan Timeout,
    string? CallerId,
    TimeSpan TimeLimit) : TwimlVerb(Line);

/// <summary>Valid TwiML the softphone does not simulate (Record, Connect, Pay…): reported and skipped.</summary>
public sealed record UnsupportedVerb(int Line, string Name) : TwimlVerb(Line);
