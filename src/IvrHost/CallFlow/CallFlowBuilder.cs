namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>A named condition on a transition; the name is what the diagram shows.</summary>
public sealed record Guard(string Label, Func<CallSession, CallContext, bool> Test)
{
    public Guard(string label, Func<CallSession, bool> test)
        : this(label, (s, _) => test(s))
    {
    }
}

/// <summary>Turns a digit entry into a value, or says it is not one.</summary>
public delegate bool EntryParser<T>(string keys, CallContext context, out T value);

/// <summary>A kind of digit entry the caller makes (a birth date, a phone number…), named for the diagram.</summary>
public sealed record Entry<T>(string Label, EntryParser<T> Parse);

/// <summary>Declares the call flow state by state; <see cref="Build"/> checks the graph is whole.</summary>
public sealed class CallFlowBuilder
{
    private readonly Dictionary<CallState, StateSpec> _states = [];
    private readonly Dictionary<CallEntry, EntryPoint> _entries = [];

    /// <summary>Where a call of this kind starts, and what it hears first.</summary>
    public void Entry(CallEntry entry, CallState state, params string[] say) => _entries.Add(entry, new EntryPoint(entry, state, say));

    public AskBuilder Ask(CallState state, string prompt, InputSpec input, string? help = null) =>
        Ask(state, [prompt], input, help);

    public AskBuilder Ask(CallState state, string[] prompts, InputSpec input, string? help = null) =>
        new(Declare(new AskState(state, prompts, help, input)));

    public TaskBuilder Task(CallState state) => new(Declare(new TaskState(state)));

    public DecideBuilder Decide(CallState state) => new(Declare(new DecideState(state)));

    public void End(CallState state, Ending ending, params string[] prompts) => Declare(new EndState(state, prompts, ending));

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
    public AskBuilder OnKey(string key, CallState target, Func<CallSession, CallSession>? apply = null, Guard? when = null, params string[] say)
    {
        var label = when is null ? key : $"{key} [{when.Label}]";
        spec.Add(new Transition(label, target, (s, input, _, context) =>
            input?.Keys == key && (when is null || when.Test(s, context)) ? (apply ?? Same)(s) : null, say));
        return this;
    }

    public AskBuilder OnEntry<T>(Entry<T> entry, CallState target, Func<CallSession, T, CallSession> apply, Guard? when = null, params string[] say)
    {
        var label = when is null ? entry.Label : $"{entry.Label} [{when.Label}]";
        spec.Add(new Transition(label, target, (s, input, _, context) =>
            input?.Keys is { } keys && entry.Parse(keys, context, out var value) && (when is null || when.Test(s, context)) ? apply(s, value) : null, say));
        return this;
    }

    /// <summary>Silence is not a failure here (the waiting loop): it is the trigger itself.</summary>
    public AskBuilder OnSilence(CallState target, Func<CallSession, CallSession>? apply = null, params string[] say)
    {
        spec.Add(new Transition("no input", target, (s, input, _, _) => input is { IsEmpty: true } ? (apply ?? Same)(s) : null, say));
        return this;
    }

    private static CallSession Same(CallSession s) => s;
}

public sealed class TaskBuilder(TaskState spec)
{
    public TaskBuilder On<TOutcome>(string label, CallState target, Func<CallSession, TOutcome, CallSession>? apply = null, Func<TOutcome, bool>? when = null, Guard? guard = null, params string[] say)
        where TOutcome : Outcome
    {
        var fullLabel = guard is null ? label : $"{label} [{guard.Label}]";
        spec.Add(new Transition(fullLabel, target, (s, _, outcome, context) =>
            outcome is TOutcome o && (when is null || when(o)) && (guard is null || guard.Test(s, context)) ? apply is null ? s : apply(s, o) : null, say));
        return this;
    }
}

public sealed class DecideBuilder(DecideState spec)
{
    public DecideBuilder When(Guard guard, CallState target, Func<CallSession, CallSession>? apply = null, params string[] say)
    {
        spec.Add(new Transition(guard.Label, target, (s, _, _, context) => guard.Test(s, context) ? (apply ?? (x => x))(s) : null, say));
        return this;
    }

    public DecideBuilder Otherwise(CallState target, Func<CallSession, CallSession>? apply = null, params string[] say)
    {
        spec.Add(new Transition("otherwise", target, (s, _, _, _) => (apply ?? (x => x))(s), say));
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
}

public sealed record EntryPoint(CallEntry Entry, CallState State, IReadOnlyList<string> Says);

/// <summary>The built graph: states by name, and where each kind of call starts.</summary>
public sealed class CallFlow(IReadOnlyDictionary<CallState, StateSpec> states, IReadOnlyDictionary<CallEntry, EntryPoint> entries)
{
    public IReadOnlyDictionary<CallEntry, EntryPoint> Entries { get; } = entries;

    public IReadOnlyDictionary<CallState, StateSpec> States { get; } = states;

    public StateSpec this[CallState state] => States[state];
}
