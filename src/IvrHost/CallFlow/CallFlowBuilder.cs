namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>Declares the call flow state by state; <see cref="Build"/> checks the graph is whole.</summary>
public sealed class CallFlowBuilder
{
    private readonly Dictionary<CallState, StateSpec> _states = [];
    private readonly Dictionary<CallEntry, EntryPoint> _entries = [];

    /// <summary>Where a call of this kind starts, and what it hears first.</summary>
    public void StartAt(CallEntry entry, CallState state, params Prompt[] say) => _entries.Add(entry, new EntryPoint(entry, state, say));

    /// <summary>A numbered choice: one key, or a word that means it.</summary>
    public AskBuilder Menu(CallState state, params Prompt[] prompts) => new(Declare(new AskState(state, prompts, help: null, InputKind.Menu, entry: null)));

    /// <summary>Digits ended by # (or said); after a miss, <paramref name="help"/> (a worked example) instead of the prompts.</summary>
    public AskBuilder Ask<T>(CallState state, Entry<T> entry, Prompt help, params Prompt[] prompts) =>
        new(Declare(new AskState(state, prompts, help, InputKind.Entry, entry)));

    /// <summary>Waiting on the line: silence is the trigger (the next round), keys change course.</summary>
    /// <param name="choices">Said on the way in and after a key it does not take: what the caller can do while waiting.</param>
    public AskBuilder Hold(CallState state, Prompt choices, params Prompt[] prompts) =>
        new(Declare(new AskState(state, prompts, choices, InputKind.Hold, entry: null) { Patience = Patience.Waiting }));

    public TaskBuilder Task(CallState state) => new(Declare(new TaskState(state)));

    public DecideBuilder Decide(CallState state) => new(Declare(new DecideState(state)));

    public void End(CallState state, Ending ending, params Prompt[] prompts) => Declare(new EndState(state, prompts, ending));

    public CallFlow Build()
    {
        var noEntry = Enum.GetValues<CallEntry>().Where(e => !_entries.ContainsKey(e)).ToList();
        if (noEntry.Count > 0)
        {
            throw new InvalidOperationException($"Call flow has no entry point for: {string.Join(", ", noEntry)}.");
        }

        var missing = Enum.GetValues<CallState>().Where(s => !_states.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Call flow has no declaration for: {string.Join(", ", missing)}.");
        }

        foreach (var spec in _states.Values.Where(s => s is not EndState && s.Transitions.Count == 0))
        {
            throw new InvalidOperationException($"Call flow state {spec.State} has no way out.");
        }

        foreach (var ask in _states.Values.OfType<AskState>().Where(a => a.Input == InputKind.Entry && a.Transitions.All(t => t.Key is not null)))
        {
            throw new InvalidOperationException($"Call flow state {ask.State} asks for {ask.Entry!.Label} but takes none.");
        }

        return new CallFlow(_states, _entries);
    }

    private T Declare<T>(T spec)
        where T : StateSpec
    {
        if (!_states.TryAdd(spec.State, spec))
        {
            throw new InvalidOperationException($"Call flow state {spec.State} is declared twice.");
        }

        return spec;
    }
}

public sealed class AskBuilder(AskState spec)
{
    /// <param name="words">What a caller may say instead of pressing the key ("yes" for a 1 that confirms).</param>
    /// <param name="applyOn">Like <paramref name="apply"/>, when the change needs the day (a reminder date).</param>
    public AskBuilder OnKey(string key, CallState target, Func<CallSession, CallSession>? apply = null, Guard? when = null, Prompt[]? say = null, string[]? words = null, FlowEvent[]? emit = null, Func<CallSession, CallContext, CallSession>? applyOn = null)
    {
        var label = when is null ? key : $"{key} [{when.Label}]";
        spec.Add(new Transition(label, target, (s, keys, _, context) =>
            keys == key && (when is null || when.Test(s, context)) ? applyOn is null ? (apply ?? Same)(s) : applyOn(s, context) : null, say ?? [], emit ?? [])
        {
            Key = key,
            Words = words ?? [],
        });
        return this;
    }

    public AskBuilder OnEntry<T>(Entry<T> entry, CallState target, Func<CallSession, T, CallSession> apply, Guard? when = null, Prompt[]? say = null)
    {
        var label = when is null ? entry.Label : $"{entry.Label} [{when.Label}]";
        spec.Add(new Transition(label, target, (s, keys, _, context) =>
            keys is not null && entry.Parse(keys, s, context, out var value) && (when is null || when.Test(s, context)) ? apply(s, value) : null, say ?? [], []));
        return this;
    }

    /// <summary>Silence is not a miss here (the waiting loop): it is the trigger itself.</summary>
    public AskBuilder OnSilence(CallState target, Func<CallSession, CallSession>? apply = null, Prompt[]? say = null)
    {
        spec.Add(new Transition("no input", target, (s, keys, _, _) => keys is null ? (apply ?? Same)(s) : null, say ?? [], []));
        return this;
    }

    /// <summary>Said after a miss instead of every prompt again (the choices, not the whole offer).</summary>
    public AskBuilder Help(Prompt help)
    {
        spec.Help = help;
        return this;
    }

    /// <summary>Each language says its part of this menu ("For English, press 1" / "Pour le français, faites le 2").</summary>
    public AskBuilder InEveryLanguage()
    {
        spec.EveryLanguage = true;
        return this;
    }

    public AskBuilder Patience(Patience patience)
    {
        spec.Patience = patience;
        return this;
    }

    private static CallSession Same(CallSession s) => s;
}

public sealed class TaskBuilder(TaskState spec)
{
    public TaskBuilder On<TOutcome>(string label, CallState target, Func<CallSession, TOutcome, CallSession>? apply = null, Func<TOutcome, bool>? when = null, Guard? guard = null, Prompt[]? say = null, FlowEvent[]? emit = null)
        where TOutcome : Outcome
    {
        var fullLabel = guard is null ? label : $"{label} [{guard.Label}]";
        spec.Add(new Transition(fullLabel, target, (s, _, outcome, context) =>
            outcome is TOutcome o && (when is null || when(o)) && (guard is null || guard.Test(s, context)) ? apply is null ? s : apply(s, o) : null, say ?? [], emit ?? []));
        return this;
    }
}

public sealed class DecideBuilder(DecideState spec)
{
    public DecideBuilder When(Guard guard, CallState target, Func<CallSession, CallSession>? apply = null, Prompt[]? say = null)
    {
        spec.Add(new Transition(guard.Label, target, (s, _, _, context) => guard.Test(s, context) ? (apply ?? (x => x))(s) : null, say ?? [], []));
        return this;
    }

    public DecideBuilder Otherwise(CallState target, Func<CallSession, CallSession>? apply = null, Prompt[]? say = null)
    {
        spec.Add(new Transition("otherwise", target, (s, _, _, _) => (apply ?? (x => x))(s), say ?? [], []));
        return this;
    }
}

/// <summary>How a call begins: answered from a caller, or placed by the line and answered by a person or a machine.</summary>
public enum CallEntry
{
    NewCaller,
    ReturningCaller,
    OfferCallback,
    AgentCallback,
    EligibilityCallback,
    AnsweringMachine,

    /// <summary>A new call from a number over its limit of new calls (CallerLimits): told so, then the call ends.</summary>
    TooManyCalls,

    /// <summary>A new caller the door did not admit (Admission): the line is full, a call back is offered.</summary>
    LineBusy,

    /// <summary>We call back a caller the full line turned away: they start at the menu.</summary>
    BusyCallback,
}

public sealed record EntryPoint(CallEntry Entry, CallState State, IReadOnlyList<Prompt> Says);

/// <summary>The built graph: states by name, and where each kind of call starts.</summary>
public sealed class CallFlow(IReadOnlyDictionary<CallState, StateSpec> states, IReadOnlyDictionary<CallEntry, EntryPoint> entries)
{
    public IReadOnlyDictionary<CallEntry, EntryPoint> Entries { get; } = entries;

    public IReadOnlyDictionary<CallState, StateSpec> States { get; } = states;

    public StateSpec this[CallState state] => States[state];

    /// <summary>Every prompt the graph may say (entry points, asks, helps, transitions, ends).</summary>
    public IEnumerable<Prompt> Prompts =>
        Entries.Values.SelectMany(e => e.Says)
            .Concat(States.Values.OfType<AskState>().SelectMany(a => a.Help is null ? a.Prompts : [.. a.Prompts, a.Help]))
            .Concat(States.Values.OfType<EndState>().SelectMany(e => e.Prompts))
            .Concat(States.Values.SelectMany(s => s.Transitions).SelectMany(t => t.Says));

    /// <summary>Every prompt of the graph said just before the call hangs up or goes to a person: nothing listens after them.</summary>
    public IEnumerable<Prompt> PromptsBeforeAnEnd =>
        Entries.Values.Where(e => this[e.State] is EndState).SelectMany(e => e.Says)
            .Concat(States.Values.SelectMany(s => s.Transitions).Where(t => this[t.Target] is EndState).SelectMany(t => t.Says))
            .Concat(States.Values.OfType<EndState>().SelectMany(e => e.Prompts));
}
