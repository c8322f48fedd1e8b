namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// The result of one step: the next session, what to say before its prompt, and the trigger
/// that moved it (for the per-webhook log event).
/// </summary>
public sealed record Step(CallSession Session, IReadOnlyList<PromptLine> Preamble, CallState From, string Trigger);

/// <summary>
/// Runs <see cref="CallFlowDefinition"/>: takes a session and an input (or a task's outcome) and
/// returns the next step. Pure: no I/O, no clock; the host does the work task states ask for.
/// The rules every prompt shares live here, once: * repeats, 0 reaches a person, 9 slows the
/// speech, and the third missed or invalid input sends the caller to a person.
/// </summary>
public sealed class CallFlowMachine(CallFlow flow)
{
    public const int MaxFailures = 3;
    public const string RepeatKey = "*";
    public const string AgentKey = "0";
    public const string SlowerKey = "9";

    public CallFlow Flow { get; } = flow;

    /// <summary>A call begins: where it starts depends on who called whom (see <see cref="CallEntry"/>).</summary>
    public Step Start(CallSession session, CallEntry entry)
    {
        var point = Flow.Entries[entry];
        return new Step(session with { State = point.State }, [.. point.Says.Select(PromptLine.Of)], point.State, $"started: {entry}");
    }

    /// <summary>True when the session sits in a state whose work the host must do before answering.</summary>
    public bool NeedsWork(CallSession session) => Flow[session.State] is TaskState;

    public Step Handle(CallSession session, CallInput input, CallContext context)
    {
        if (Flow[session.State] is not AskState ask)
        {
            throw new InvalidOperationException($"State {session.State} takes no caller input.");
        }

        var next = session with { Turn = session.Turn + 1 };
        switch (input.Keys)
        {
            case RepeatKey:
                return new Step(next, [], session.State, "repeat");
            case AgentKey:
                return ToAgent(next, HandoffReason.CallerAsked, "agent.transfer", session.State, "caller asked for a person");
            case SlowerKey:
                return new Step(next with { SlowSpeech = true }, [PromptLine.Of("speech.slower")], session.State, "slower");
        }

        foreach (var transition in ask.Transitions)
        {
            if (transition.Match(next, input, null, context) is { } moved)
            {
                return Enter(moved, transition, session.State, context);
            }
        }

        return Fail(next, ask, input.IsEmpty ? "input.no_input" : "input.invalid", session.State);
    }

    public Step Complete(CallSession session, Outcome outcome, CallContext context)
    {
        if (Flow[session.State] is not TaskState task)
        {
            throw new InvalidOperationException($"State {session.State} does no work.");
        }

        foreach (var transition in task.Transitions)
        {
            if (transition.Match(session, null, outcome, context) is { } moved)
            {
                return Enter(moved, transition, session.State, context);
            }
        }

        // A backend failure, or an outcome this step does not expect: never silence, a person.
        var reason = outcome is BackendFailed failed ? failed.Reason : $"unexpected {outcome.GetType().Name}";
        return ToAgent(session, HandoffReason.BackendFailed, "system.error.handoff", session.State, reason);
    }

    /// <summary>Moves along a transition, and on through any decision states it lands in.</summary>
    private Step Enter(CallSession moved, Transition transition, CallState from, CallContext context)
    {
        var session = moved with { State = transition.Target, Failures = 0 };
        var said = transition.Says.Select(PromptLine.Of).ToList();
        var trigger = transition.Label;
        while (Flow[session.State] is DecideState decide)
        {
            var branch = decide.Transitions.First(t => t.Match(session, null, null, context) is not null);
            session = session with { State = branch.Target };
            said.AddRange(branch.Says.Select(PromptLine.Of));
            trigger += $" → {branch.Label}";
        }

        return new Step(session, said, from, trigger);
    }

    private static Step Fail(CallSession session, AskState ask, string apology, CallState from)
    {
        var failures = session.Failures + 1;
        if (failures >= MaxFailures)
        {
            return ToAgent(session, HandoffReason.RepeatedInputFailures, "input.too_many", from, $"{apology} x{failures}");
        }

        return new Step(session with { Failures = failures }, [PromptLine.Of(apology)], from, apology);
    }

    private static Step ToAgent(CallSession session, HandoffReason reason, string say, CallState from, string trigger) =>
        new(session with { State = CallState.Agent, Handoff = reason, Failures = 0 }, [PromptLine.Of(say)], from, trigger);
}
