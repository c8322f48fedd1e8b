namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>One state of the call flow, as declared in <see cref="CallFlowDefinition"/>.</summary>
public abstract class StateSpec(CallState state)
{
    private readonly List<Transition> _transitions = [];

    public CallState State { get; } = state;

    public IReadOnlyList<Transition> Transitions => _transitions;

    internal void Add(Transition transition) => _transitions.Add(transition);
}

/// <summary>Speaks its prompts and listens; the caller's keys choose the transition.</summary>
public sealed class AskState(CallState state, IReadOnlyList<string> prompts, string? help, InputSpec input)
    : StateSpec(state)
{
    public IReadOnlyList<string> Prompts { get; } = prompts;

    /// <summary>Said instead of the prompts after a missed or invalid input: help, not the same words again.</summary>
    public string? Help { get; } = help;

    public InputSpec Input { get; } = input;
}

/// <summary>Does work outside the machine (the API, the callback queue, SMS); its outcome chooses the transition.</summary>
public sealed class TaskState(CallState state) : StateSpec(state);

/// <summary>Chooses between states on the way in, from the session alone (no input, no I/O).</summary>
public sealed class DecideState(CallState state) : StateSpec(state);

public enum Ending
{
    HangUp,
    ToAgent,
}

/// <summary>Speaks and ends the automated part of the call.</summary>
public sealed class EndState(CallState state, IReadOnlyList<string> prompts, Ending ending) : StateSpec(state)
{
    public IReadOnlyList<string> Prompts { get; } = prompts;

    public Ending Ending { get; } = ending;
}

/// <summary>
/// An edge of the graph. <see cref="Match"/> returns the next session when the trigger applies
/// (null when it does not), so keys, parsed entries and outcomes share one shape.
/// </summary>
public sealed record Transition(
    string Label,
    CallState Target,
    Func<CallSession, CallInput?, Outcome?, CallContext, CallSession?> Match,
    IReadOnlyList<string> Says);
