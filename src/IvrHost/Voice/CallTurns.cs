using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using Twilio.TwiML;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// One webhook of one call: load the session, let the machine take the input, do the work its
/// task states ask for, save, and answer with TwiML. Any instance can serve any webhook: the
/// session is in the store, never in this process. A replayed or stale webhook (its turn is
/// not the session's) changes nothing and hears the current prompt again.
/// </summary>
public sealed class CallTurns(
    CallSessions sessions,
    CallFlowMachine machine,
    CallWork work,
    CallTwiml twiml,
    TimeProvider clock,
    LineClock lineClock,
    IHandoffDesk handoffs,
    WebhookEvents events)
{
    public const string AnswerRoute = "voice";
    public const string InputRoute = "voice/input";
    public const string CallbackRoute = "voice/outbound";

    /// <summary>POST /voice: a call comes in (or Twilio repeats its first request).</summary>
    public async Task<VoiceResponse> AnswerAsync(VoiceWebhook hook, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        if (await sessions.LoadAsync(hook.CallSid, ct) is { } existing)
        {
            return Answer(AnswerRoute, existing.Session, [], started, existing.Session.State, "repeated start");
        }

        var callerId = Entries.TryNorthAmerican(hook.From, out var e164) ? e164 : null;
        var session = new CallSession { CallSid = hook.CallSid, CallerId = callerId };
        if (callerId is not null && await sessions.FindResumableAsync(callerId, ct) is { } previous)
        {
            session = CallSessions.Resume(session, previous);
        }

        var context = lineClock.Context();
        var step = await RunAsync(machine.Start(session, session.ResumableCallSid is null ? CallEntry.NewCaller : CallEntry.ReturningCaller), context, ct);
        if (!await sessions.SaveAsync(step.Session, expectedVersion: null, ct))
        {
            // Twilio's first request raced a retry of itself: the other one started the call.
            return await ReanswerAsync(hook, started, ct);
        }

        events.CallStarted();
        await RecordHandoffAsync(step.Session, step.From, ct);
        return Answer(AnswerRoute, step.Session, step.Preamble, started, step.From, step.Trigger);
    }

    /// <summary>
    /// A callback call was answered (Callbacks/OutboundCallHandler decided: a person, or a machine): the call
    /// starts at <paramref name="entry"/>, pre-filled from the callback and the call that asked for it. A
    /// machine recognised after the flow began moves the call to the message; any other repeat hears the
    /// current prompt again.
    /// </summary>
    public async Task<VoiceResponse> AnswerCallbackAsync(VoiceWebhook hook, CallbackRequest callback, CallEntry entry, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var existing = await sessions.LoadAsync(hook.CallSid, ct);
        if (existing is not null && (entry != CallEntry.AnsweringMachine || existing.Session.State == CallState.Voicemail))
        {
            return Answer(CallbackRoute, existing.Session, [], started, existing.Session.State, "repeated start");
        }

        var session = existing?.Session ?? CallbackSessions.For(hook.CallSid, callback, (await sessions.LoadAsync(callback.CallSid, ct))?.Session);
        var step = await RunAsync(machine.Start(session, entry), lineClock.Context(), ct);
        if (!await sessions.SaveAsync(step.Session, existing?.Version, ct))
        {
            return await ReanswerAsync(hook, started, ct);
        }

        if (existing is null)
        {
            events.CallStarted();
        }

        await RecordHandoffAsync(step.Session, step.From, ct);
        return Answer(CallbackRoute, step.Session, CallbackSessions.Preamble(step.Preamble, step.Session), started, step.From, step.Trigger);
    }

    /// <summary>POST /voice/input?turn=N: the caller answered (or did not) the prompt of turn N.</summary>
    public async Task<VoiceResponse> ContinueAsync(VoiceWebhook hook, int turn, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        if (await sessions.LoadAsync(hook.CallSid, ct) is not { } loaded)
        {
            // Twilio signed it, so the call is real: a session we lost starts over rather than hanging up.
            return await AnswerAsync(hook, ct);
        }

        var (session, version) = loaded;
        if (turn != session.Turn || machine.Flow[session.State] is not AskState)
        {
            return Answer(InputRoute, session, [], started, session.State, "stale turn");
        }

        var context = lineClock.Context();
        var step = await RunAsync(machine.Handle(session, hook.Input(), context), context, ct);
        if (!await sessions.SaveAsync(step.Session, version, ct))
        {
            // Another webhook of this call (a replay) moved it first; its answer stands.
            return await ReanswerAsync(hook, started, ct);
        }

        await RecordHandoffAsync(step.Session, session.State, ct);

        return Answer(InputRoute, step.Session, step.Preamble, started, session.State, step.Trigger);
    }

    /// <summary>POST /voice/status: the call ended (or changed status).</summary>
    public async Task StatusAsync(VoiceWebhook hook, CancellationToken ct)
    {
        if (hook.CallStatus is "completed" or "busy" or "failed" or "no-answer" or "canceled")
        {
            await sessions.CompleteAsync(hook.CallSid, ct);
            events.CallEnded(hook.CallStatus, hook.CallDuration);
        }
    }

    /// <summary>Saved before the caller is queued: the agent sees what they gave from the first ring.</summary>
    private Task RecordHandoffAsync(CallSession session, CallState from, CancellationToken ct) =>
        session.State == CallState.Agent ? handoffs.RecordAsync(session, from, ct) : Task.CompletedTask;

    /// <summary>Does the work task states ask for, feeding each outcome back, until the call waits on the caller.</summary>
    private async Task<Step> RunAsync(Step step, CallContext context, CancellationToken ct)
    {
        var said = step.Preamble.ToList();
        var trigger = step.Trigger;
        while (machine.NeedsWork(step.Session))
        {
            var outcome = await work.PerformAsync(step.Session, ct);
            step = machine.Complete(step.Session, outcome, context);
            said.AddRange(step.Preamble);
            trigger += $" → {step.Trigger}";
        }

        return step with { Preamble = said, Trigger = trigger };
    }

    private async Task<VoiceResponse> ReanswerAsync(VoiceWebhook hook, long started, CancellationToken ct)
    {
        var current = await sessions.LoadAsync(hook.CallSid, ct)
            ?? throw new InvalidOperationException("A session that won a save race cannot be missing.");
        return Answer(InputRoute, current.Session, [], started, current.Session.State, "lost race");
    }

    private VoiceResponse Answer(string route, CallSession session, IReadOnlyList<PromptLine> said, long started, CallState from, string trigger)
    {
        var response = twiml.Render(session, said);
        events.Handled(route, session.CallSid, from, session, trigger, clock.GetElapsedTime(started));
        return response;
    }
}
