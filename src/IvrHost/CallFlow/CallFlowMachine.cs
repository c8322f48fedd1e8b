namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// Runs <see cref="CallFlowDefinition"/>: takes a session and an input (or a task's outcome) and returns
/// one complete <see cref="Step"/>. Pure: no I/O, no clock; the host does the work task states ask for.
/// The rules every prompt shares live here, once: * (or a lone #) repeats, 0 reaches a person, 9 slows
/// the speech, spoken answers become keys, an entry's first key is taken alone so those act at once,
/// and missed answers follow the state's <see cref="Patience"/>.
/// </summary>
public sealed class CallFlowMachine(CallFlow flow)
{
    public const int MaxFailures = 3;

    /// <summary>Silences in a row before a finished call says goodbye.</summary>
    public const int MaxSilencesWhenDone = 2;

    /// <summary>Silences in a row before an offer is kept for a call back and the call ends.</summary>
    public const int MaxSilencesThinking = 3;

    public const string RepeatKey = "*";
    public const string PoundKey = "#";
    public const string AgentKey = "0";
    public const string SlowerKey = "9";

    /// <summary>Seconds a senior gets to find a key once the prompt ends.</summary>
    public const int MenuTimeout = 8;

    /// <summary>Seconds between two keys of an entry before what was typed is taken.</summary>
    public const int RestTimeout = 6;

    /// <summary>Seconds of one round of the waiting loop (also how often the request is checked).</summary>
    public const int HoldTimeout = 5;

    /// <summary>The speech language before a language is chosen.</summary>
    public const string DefaultLocale = "en-CA";

    public CallFlow Flow { get; } = flow;

    /// <summary>
    /// Every prompt said just before the call hangs up or goes to a person — the graph's, and the shared
    /// rules' (0, the third miss, a failed task): no key can be pressed after them, so none may offer one.
    /// </summary>
    public IEnumerable<Prompt> PromptsBeforeAnEnd => Flow.PromptsBeforeAnEnd.Concat([Lines.Transfer, Lines.TooMany, Lines.SystemError]);

    /// <summary>A call begins: where it starts depends on who called whom (see <see cref="CallEntry"/>).</summary>
    public Step Start(CallSession session, CallEntry entry, CallContext context)
    {
        var point = Flow.Entries[entry];
        var started = session with { State = point.State };
        var said = Resolve(point.Says, started, context);
        if (context.Incident is { Length: > 0 } && entry is CallEntry.NewCaller or CallEntry.ReturningCaller)
        {
            // A supervisor's notice is typed in one language: said once, never read by the other voice.
            said.InsertRange(Math.Min(1, said.Count), Resolve([Lines.Incident], started, context).Select(line => line with { EveryLocale = false }));
        }

        return Arrive(started, said, [], point.State, $"started: {entry}", context);
    }

    /// <summary>The current state's words and listening again: a replayed or stale webhook, a lost race.</summary>
    public Step Current(CallSession session, CallContext context) => Flow[session.State] switch
    {
        AskState ask => Present(session, ask, ask.Input == InputKind.Hold ? ask.Repeat : session.Failures > 0 && ask.Help is { } help ? [help] : ask.Prompts, [], [], session.State, "current", context),
        _ => Arrive(session, [], [], session.State, "current", context),
    };

    public Step Handle(CallSession session, CallInput input, CallContext context)
    {
        if (Flow[session.State] is not AskState ask)
        {
            throw new InvalidOperationException($"State {session.State} takes no caller input.");
        }

        var from = session.State;
        var next = session with { Turn = session.Turn + 1 };
        var spoke = string.IsNullOrEmpty(input.Keys) && !string.IsNullOrWhiteSpace(input.Speech);
        var keys = spoke ? FromSpeech(ask, session, input.Speech!) : input.Keys;
        if (spoke && keys is null)
        {
            return Miss(next with { EntryStart = null }, ask, MissKind.Invalid, from, "speech not understood", context);
        }

        if (ask.Input == InputKind.Entry)
        {
            if (!spoke && WaitsForTheRest(ask.Entry!, session, keys))
            {
                return Present(next with { EntryStart = keys }, ask, [], [], [], from, "first key", context);
            }

            // The rest ends with # (left out of Digits, or alone when nothing more was typed).
            keys = session.EntryStart is { } start ? start + (keys is PoundKey ? null : keys) : keys;
            next = next with { EntryStart = null };
        }

        keys = string.IsNullOrEmpty(keys) ? null : keys;
        foreach (var transition in ask.Transitions)
        {
            if (transition.Match(next, keys, null, context) is { } moved)
            {
                return Move(moved, transition, [], [], from, "", context);
            }
        }

        return keys switch
        {
            null => Miss(next, ask, MissKind.NoInput, from, "no input", context),
            RepeatKey or PoundKey => Present(next, ask, ask.Repeat, [], [], from, "repeat", context),
            AgentKey when session.AgentsFull => Present(next, ask, [Lines.BusyNoPerson, .. ask.Prompts], [], [], from, "no person free", context),
            AgentKey => ToAgent(next, HandoffReason.CallerAsked, Lines.Transfer, [], [], from, "caller asked for a person", context),
            SlowerKey => Present(next with { SlowSpeech = true }, ask, [Lines.Slower, .. ask.Prompts], [], [], from, "slower", context),
            _ => Miss(next, ask, MissKind.Invalid, from, "invalid", context),
        };
    }

    /// <summary>The work of <paramref name="current"/>'s task state was done: its outcome moves the call on.</summary>
    public Step Complete(Step current, Outcome outcome, CallContext context)
    {
        var session = current.Session;
        if (Flow[session.State] is not TaskState task)
        {
            throw new InvalidOperationException($"State {session.State} does no work.");
        }

        foreach (var transition in task.Transitions)
        {
            if (transition.Match(session, null, outcome, context) is { } moved)
            {
                return Move(moved, transition, current.Say, current.Events, current.From, current.Trigger + " → ", context);
            }
        }

        // A backend failure, or an outcome this step does not expect: never silence, a person.
        var reason = outcome is BackendFailed failed ? failed.Reason : $"unexpected {outcome.GetType().Name}";
        return ToAgent(session, HandoffReason.BackendFailed, Lines.SystemError, current.Say, current.Events, current.From, $"{current.Trigger} → {reason}", context);
    }

    private Step Move(CallSession moved, Transition transition, IReadOnlyList<Line> said, IReadOnlyList<FlowEvent> events, CallState from, string triggerSoFar, CallContext context)
    {
        var session = moved with { State = transition.Target, Failures = 0, Silences = 0, EntryStart = null };
        return Arrive(session, [.. said, .. Resolve(transition.Says, session, context)], [.. events, .. transition.Events], from, triggerSoFar + transition.Label, context);
    }

    /// <summary>Lands in a state: on through any decisions, then its words and what follows them.</summary>
    private Step Arrive(CallSession session, List<Line> said, List<FlowEvent> events, CallState from, string trigger, CallContext context)
    {
        while (Flow[session.State] is DecideState decide)
        {
            var branch = decide.Transitions.First(t => t.Match(session, null, null, context) is not null);
            session = branch.Match(session, null, null, context)! with { State = branch.Target };
            said.AddRange(Resolve(branch.Says, session, context));
            trigger += $" → {branch.Label}";
        }

        switch (Flow[session.State])
        {
            case TaskState:
                return new Step(session, said, new DoWork(session.State), events, from, trigger);
            case AskState ask:
                return Present(session, ask, ask.Prompts, said, events, from, trigger, context);
            case EndState end:
                session = session with { FacilityPin = null };
                said.AddRange(Resolve(end.Prompts, session, context));
                if (end.Ending == Ending.HangUp)
                {
                    return new Step(session, said, new HangUp(), events, from, trigger);
                }

                var reason = session.Handoff ?? HandoffReason.CallerAsked;
                return new Step(session, said, new ToPerson(reason), from == CallState.Agent ? events : [.. events, new HandedOff(reason)], from, trigger);
            default:
                throw new InvalidOperationException($"State {session.State} is of an unknown kind.");
        }
    }

    /// <summary>Says <paramref name="prompts"/> (after <paramref name="said"/>) and listens at an ask.</summary>
    private static Step Present(CallSession session, AskState ask, IReadOnlyList<Prompt> prompts, IReadOnlyList<Line> said, IReadOnlyList<FlowEvent> events, CallState from, string trigger, CallContext context)
    {
        // Secrets live only while the host works: once the call waits on the caller, the PIN is gone.
        session = session with { FacilityPin = null };
        var lines = session.EntryStart is null ? Resolve(prompts, session, context) : [];
        return new Step(session, [.. said, .. lines], Listen(ask, session), events, from, trigger);
    }

    /// <summary>
    /// An entry's first key, taken alone: a digit that can begin an answer (or any digit but a 0 or 9 that
    /// cannot) waits for the rest; *, and a 0 or 9 no answer starts with, act now. A secret is typed whole.
    /// </summary>
    private static bool WaitsForTheRest(IEntry entry, CallSession session, string? keys) =>
        session.EntryStart is null && !entry.Secret && keys is [var key] && char.IsAsciiDigit(key)
        && (entry.Starts.Contains(key) || keys is not (AgentKey or SlowerKey));

    /// <summary>What the caller may do now: exactly what the prompt told them.</summary>
    private static Listening Listen(AskState ask, CallSession session) => ask.Input switch
    {
        InputKind.Hold => new Listening(session.Turn, 1, "", HoldTimeout, null) { Holding = true },
        InputKind.Entry when session.EntryStart is not null => new Listening(session.Turn, null, PoundKey, RestTimeout, null),
        InputKind.Entry when ask.Entry!.Secret => new Listening(session.Turn, null, PoundKey, MenuTimeout, null),
        InputKind.Entry => new Listening(session.Turn, 1, "", MenuTimeout, new SpeechListening(SpeechLocale(session), [])),
        _ => new Listening(session.Turn, 1, "", MenuTimeout, new SpeechListening(SpeechLocale(session), Hints(ask, session))),
    };

    private Step Miss(CallSession session, AskState ask, MissKind kind, CallState from, string trigger, CallContext context)
    {
        IReadOnlyList<FlowEvent> missed = [new InputMissed(from, kind)];
        var apology = kind == MissKind.NoInput ? Lines.NoInput : Lines.Invalid;
        var silences = kind == MissKind.NoInput ? session.Silences + 1 : 0;
        var failures = session.Failures + 1;
        IReadOnlyList<Prompt> again = ask.Help is { } help ? [help] : ask.Prompts;
        switch (ask.Patience)
        {
            case Patience.Done when silences >= MaxSilencesWhenDone || failures >= MaxFailures:
                return Arrive(session with { State = CallState.Goodbye }, [], [.. missed], from, $"{trigger} → done", context);
            case Patience.Thinking when silences >= MaxSilencesThinking:
                return Arrive(session with { State = CallState.OfferKept }, [], [.. missed], from, $"{trigger} → still thinking", context);
            case Patience.Thinking when kind == MissKind.NoInput:
                return Present(session with { Silences = silences }, ask, [Lines.TakeYourTime, .. again], [], missed, from, trigger, context);
            case Patience.Thinking or Patience.Waiting:
                return Present(session with { Silences = silences }, ask, [apology, .. again], [], missed, from, trigger, context);
            case Patience.Person when failures >= MaxFailures && session.AgentsFull:
                return Arrive(session with { State = CallState.Goodbye }, [], [.. missed], from, $"{trigger} x{failures} → no person free", context);
            case Patience.Person when failures >= MaxFailures:
                return ToAgent(session, HandoffReason.RepeatedInputFailures, Lines.TooMany, [], missed, from, $"{trigger} x{failures}", context);
            default:
                return Present(session with { Failures = failures, Silences = silences }, ask, [apology, .. again], [], missed, from, trigger, context);
        }
    }

    private Step ToAgent(CallSession session, HandoffReason reason, Prompt say, IReadOnlyList<Line> said, IReadOnlyList<FlowEvent> events, CallState from, string trigger, CallContext context)
    {
        var handed = session with { State = CallState.Agent, Handoff = reason, Failures = 0, Silences = 0, EntryStart = null };
        return Arrive(handed, [.. said, .. Resolve([say], handed, context)], [.. events], from, trigger, context);
    }

    private static string? FromSpeech(AskState ask, CallSession session, string speech) =>
        ask.Entry is { } entry && session.EntryStart is null
            ? SpokenAnswers.MenuKey(speech, []) is { } control and (RepeatKey or AgentKey) ? control : entry.FromSpeech(speech, session)
            : SpokenAnswers.MenuKey(speech, ask.Keys);

    /// <summary>Before the caller chose a language, the recognizer listens in the default one (the words "English"/"français" are hints).</summary>
    private static string SpeechLocale(CallSession session) => session.LanguageChosen ? session.Locale : DefaultLocale;

    private static IReadOnlyList<string> Hints(AskState ask, CallSession session) =>
        [.. ask.Keys.SelectMany(k => k.Words.Prepend(SpokenAnswers.DigitWord(k.Key, SpeechLocale(session)))).Where(w => w.Length > 0).Distinct()];

    private static List<Line> Resolve(IEnumerable<Prompt> prompts, CallSession session, CallContext context) =>
        [.. prompts.Select(p => p.For(session, context)).OfType<Line>().Select(line => session.LanguageChosen ? line : line with { EveryLocale = true })];
}
