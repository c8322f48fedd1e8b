namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>One state of the call flow, as declared in <see cref="CallFlowDefinition"/>.</summary>
public abstract class StateSpec(CallState state)
{
    private readonly List<Transition> _transitions = [];

    public CallState State { get; } = state;

    public IReadOnlyList<Transition> Transitions => _transitions;

    internal void Add(Transition transition) => _transitions.Add(transition);
}

/// <summary>How an ask listens.</summary>
public enum InputKind
{
    /// <summary>One key (or its spoken word): a numbered choice.</summary>
    Menu,

    /// <summary>Digits ended by <c>#</c>, the first key taken alone (see <see cref="CallSession.EntryStart"/>); or spoken.</summary>
    Entry,

    /// <summary>Waiting on the line: short keys-only rounds that double as the poll.</summary>
    Hold,
}

/// <summary>What missed answers lead to at an ask: the three-miss rule is for callers stuck, never for callers done or thinking.</summary>
public enum Patience
{
    /// <summary>Apology and help; the third miss sends the caller to a person.</summary>
    Person,

    /// <summary>The caller has what they came for: a second silence, or a third miss, ends the call politely.</summary>
    Done,

    /// <summary>Thinking it over (an offer): silence hears the choices again, a third silence keeps the offer and ends the call.</summary>
    Thinking,

    /// <summary>Waiting on the line: silence is the next round, any other key hears the choices again.</summary>
    Waiting,
}

/// <summary>Speaks its prompts and listens; the caller's keys (or words) choose the transition.</summary>
public sealed class AskState(CallState state, IReadOnlyList<Prompt> prompts, Prompt? help, InputKind input, IEntry? entry) : StateSpec(state)
{
    public IReadOnlyList<Prompt> Prompts { get; } = prompts;

    /// <summary>Said instead of the prompts after a missed or invalid input: help, not the same words again.</summary>
    public Prompt? Help { get; internal set; } = help;

    public InputKind Input { get; } = input;

    /// <summary>What an entry takes (null for menus and holds).</summary>
    public IEntry? Entry { get; } = entry;

    public Patience Patience { get; internal set; } = Patience.Person;

    /// <summary>Asked before a language is chosen: each language offers its own key, all of them together are the menu.</summary>
    public bool EveryLanguage { get; internal set; }

    /// <summary>What * says again: the prompts; while holding, the message with the choices.</summary>
    public IReadOnlyList<Prompt> Repeat => Input == InputKind.Hold && Help is { } help ? [help] : Prompts;

    /// <summary>The keys its transitions take ("1", "2"…), with the words that stand for each when spoken.</summary>
    public IReadOnlyList<(string Key, IReadOnlyList<string> Words)> Keys =>
        [.. Transitions.Where(t => t.Key is not null).GroupBy(t => t.Key!).Select(g => (g.Key, (IReadOnlyList<string>)[.. g.SelectMany(t => t.Words).Distinct()]))];
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
public sealed class EndState(CallState state, IReadOnlyList<Prompt> prompts, Ending ending) : StateSpec(state)
{
    public IReadOnlyList<Prompt> Prompts { get; } = prompts;

    public Ending Ending { get; } = ending;
}

/// <summary>
/// An edge of the graph. <see cref="Match"/> returns the next session when the trigger applies (null
/// when it does not), so keys, parsed entries, silences and outcomes share one shape. <see cref="Key"/>
/// and <see cref="Words"/>: the menu key it takes and the spoken words that mean it.
/// </summary>
public sealed record Transition(
    string Label,
    CallState Target,
    Func<CallSession, string?, Outcome?, CallContext, CallSession?> Match,
    IReadOnlyList<Prompt> Says,
    IReadOnlyList<FlowEvent> Events)
{
    public string? Key { get; init; }

    public IReadOnlyList<string> Words { get; init; } = [];
}

/// <summary>A named condition on a transition; the name is what the diagram shows.</summary>
public sealed record Guard(string Label, Func<CallSession, CallContext, bool> Test)
{
    public Guard(string label, Func<CallSession, bool> test)
        : this(label, (s, _) => test(s))
    {
    }
}
