using PhoneBooking.IvrHost.Admission;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.CallerLimits;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using Twilio.TwiML;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// One webhook of one call: load the session, let the machine take the input, do the work its
/// task states ask for, save, and answer with TwiML. Any instance can serve any webhook: the
/// session is in the store, never in this process. A replayed or stale webhook (its turn is
/// not the session's) changes nothing and hears the current prompt again; a webhook of a call
/// Twilio said is over changes nothing and hears nothing.
/// </summary>
public sealed class CallTurns(
    CallSessions sessions,
    CallFlowMachine machine,
    CallWork work,
    CallTwiml twiml,
    TimeProvider clock,
    LineClock lineClock,
    IHandoffDesk handoffs,
    WebhookEvents events,
    NewCallLimit newCalls,
    AdmissionGate door)
{
    /// <summary>POST /voice: a call comes in (or Twilio repeats its first request).</summary>
    public Task<VoiceResponse> AnswerAsync(VoiceWebhook hook, CancellationToken ct) => AnswerAsync(hook, newCall: true, ct);

    /// <param name="newCall">False for a call in progress whose session was lost: it starts over, never limited.</param>
    private async Task<VoiceResponse> AnswerAsync(VoiceWebhook hook, bool newCall, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var context = lineClock.Context();
        if (await sessions.LoadAsync(hook.CallSid, ct) is { } existing)
        {
            return Replay(VoiceRoutes.Answer, existing, started, "repeated start", context);
        }

        // Abuse first (a number calling a hundred times), before any other work of a new call; nothing is saved for a refused one.
        if (newCall && !await newCalls.AllowsAsync(hook.From, ct))
        {
            return Answer(VoiceRoutes.Answer, machine.Start(new CallSession { CallSid = hook.CallSid }, CallEntry.TooManyCalls, context), started);
        }

        // Caller ID only says which earlier call may be continued; nothing of it is read until the caller proves who they are.
        var callerId = Entries.TryNorthAmerican(hook.From, out var e164) ? e164 : null;
        if (await door.KnockAsync(ct) is { Admitted: false } shut)
        {
            // The line is full (Admission): a call back is offered; the door decided, the machine only says it.
            var busy = new CallSession { CallSid = hook.CallSid, CallerId = callerId, AgentsFull = shut.AgentsFull };
            return await StartAsync(hook, machine.Start(busy, CallEntry.LineBusy, context), started, context, ct);
        }

        var resumable = callerId is null ? null : await sessions.FindResumableAsync(callerId, ct);
        var session = new CallSession { CallSid = hook.CallSid, CallerId = callerId, ResumableCallSid = resumable };
        return await StartAsync(hook, machine.Start(session, resumable is null ? CallEntry.NewCaller : CallEntry.ReturningCaller, context), started, context, ct);
    }

    private async Task<VoiceResponse> StartAsync(VoiceWebhook hook, Step start, long started, CallContext context, CancellationToken ct)
    {
        var step = await RunAsync(start, context, ct);
        if (!await sessions.SaveAsync(step.Session, expectedVersion: null, ct))
        {
            // Twilio's first request raced a retry of itself: the other one started the call.
            return await ReanswerAsync(hook, started, context, ct);
        }

        events.CallStarted();
        await RecordHandoffAsync(step, ct);
        return Answer(VoiceRoutes.Answer, step, started);
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
        var context = lineClock.Context();
        var existing = await sessions.LoadAsync(hook.CallSid, ct);
        if (existing is not null && (existing.Completed || entry != CallEntry.AnsweringMachine || existing.Session.State == CallState.Voicemail))
        {
            return Replay(VoiceRoutes.Outbound, existing, started, "repeated start", context);
        }

        var session = existing?.Session ?? CallbackSessions.For(hook.CallSid, callback, (await sessions.LoadAsync(callback.CallSid, ct))?.Session);
        var step = await RunAsync(machine.Start(session, entry, context), context, ct);
        if (!await sessions.SaveAsync(step.Session, existing?.Version, ct))
        {
            return await ReanswerAsync(hook, started, context, ct);
        }

        if (existing is null)
        {
            events.CallStarted();
        }

        await RecordHandoffAsync(step, ct);
        return Answer(VoiceRoutes.Outbound, step with { Say = CallbackSessions.Preamble(step.Say, step.Session) }, started);
    }

    /// <summary>POST /voice/input?turn=N: the caller answered (or did not) the prompt of turn N.</summary>
    public async Task<VoiceResponse> ContinueAsync(VoiceWebhook hook, int turn, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        if (await sessions.LoadAsync(hook.CallSid, ct) is not { } loaded)
        {
            // Twilio signed it, so the call is real: a session we lost starts over rather than hanging up.
            return await AnswerAsync(hook, newCall: false, ct);
        }

        var context = lineClock.Context();
        if (loaded.Completed || turn != loaded.Session.Turn || machine.Flow[loaded.Session.State] is not AskState)
        {
            return Replay(VoiceRoutes.Input, loaded, started, "stale turn", context);
        }

        var step = await RunAsync(machine.Handle(loaded.Session, hook.Input(), context), context, ct);
        if (!await sessions.SaveAsync(step.Session, loaded.Version, ct))
        {
            // Another webhook of this call (a replay, or the status callback that ended it) wrote first; its answer stands.
            return await ReanswerAsync(hook, started, context, ct);
        }

        await RecordHandoffAsync(step, ct);
        return Answer(VoiceRoutes.Input, step, started);
    }

    /// <summary>POST /voice/status: the call ended (or changed status).</summary>
    public async Task StatusAsync(VoiceWebhook hook, CancellationToken ct)
    {
        if (hook.CallStatus is "completed" or "busy" or "failed" or "no-answer" or "canceled")
        {
            // The journey is counted once, by the callback that ended the call, from what the call reached.
            var ended = await sessions.CompleteAsync(hook.CallSid, ct) ? (await sessions.LoadAsync(hook.CallSid, ct))?.Session : null;
            events.CallEnded(hook.CallStatus, hook.CallDuration, ended);
        }
    }

    /// <summary>Saved before the caller is queued: the agent sees what they gave from the first ring.</summary>
    private Task RecordHandoffAsync(Step step, CancellationToken ct) =>
        step.Next is ToPerson ? handoffs.RecordAsync(step.Session, step.From, ct) : Task.CompletedTask;

    /// <summary>Does the work task states ask for, feeding each outcome back, until the call waits on the caller.</summary>
    private async Task<Step> RunAsync(Step step, CallContext context, CancellationToken ct)
    {
        while (step.NeedsWork)
        {
            step = machine.Complete(step, await work.PerformAsync(step.Session, ct), context);
        }

        return step;
    }

    private async Task<VoiceResponse> ReanswerAsync(VoiceWebhook hook, long started, CallContext context, CancellationToken ct)
    {
        var current = await sessions.LoadAsync(hook.CallSid, ct)
            ?? throw new InvalidOperationException("A session that won a save race cannot be missing.");
        return Replay(VoiceRoutes.Input, current, started, "lost race", context);
    }

    /// <summary>The current prompt again, changing nothing; for a call that is over, a bare hang-up.</summary>
    private VoiceResponse Replay(VoiceRoute route, CallSessions.Loaded loaded, long started, string why, CallContext context)
    {
        var session = loaded.Session;
        if (loaded.Completed)
        {
            events.Replayed(route, session, "call ended", clock.GetElapsedTime(started));
            return CallTwiml.Ended();
        }

        events.Replayed(route, session, why, clock.GetElapsedTime(started));
        return twiml.Render(machine.Current(session, context));
    }

    private VoiceResponse Answer(VoiceRoute route, Step step, long started)
    {
        var response = twiml.Render(step);
        events.Handled(route, step, clock.GetElapsedTime(started));
        return response;
    }
}
