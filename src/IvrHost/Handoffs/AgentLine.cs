using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Voice;
using Twilio.TwiML;

namespace PhoneBooking.IvrHost.Handoffs;

/// <summary>
/// The webhooks of a caller handed to a person, after the call flow's Agent ending: the queue's hold
/// loop and its "press 1 to be called back", how the wait ended (Enqueue action), how a dial-through
/// ended (Dial action), and the call-back offer when no one could take the call. A call back is saved
/// durably (an Agent callback) before the caller hears it confirmed.
/// </summary>
public sealed partial class AgentLine(
    CallSessions sessions,
    ICallbackRequests callbacks,
    IHandoffDesk handoffs,
    AgentLineTwiml twiml,
    HandoffMetrics metrics,
    ILogger<AgentLine> logger)
{
    /// <summary>Routes whose TwiML plays inside the queue's wait, where only Say/Play/Pause/Gather/Redirect/Leave/Hangup may be.</summary>
    public static bool PlaysWhileQueued(PathString path) => VoiceRoutes.QueueWait.Matches(path) || VoiceRoutes.QueueCallback.Matches(path);

    /// <summary>The Enqueue's wait URL, asked in a loop while the caller holds.</summary>
    public async Task<VoiceResponse> WaitAsync(AgentLineWebhook hook, CancellationToken ct) =>
        twiml.Wait(await SessionAsync(hook, ct), hook);

    /// <summary>The wait's offer was answered: 1 saves the call back and leaves the queue; anything else holds on.</summary>
    public async Task<VoiceResponse> KeepPlaceAsync(AgentLineWebhook hook, CancellationToken ct)
    {
        var session = await SessionAsync(hook, ct);
        if (hook.Call.Digits != "1" || !AgentLineTwiml.CanCallBack(session))
        {
            return AgentLineTwiml.KeepHolding();
        }

        await SaveCallbackAsync(session!, "queue", ct);
        return AgentLineTwiml.LeaveQueue();
    }

    /// <summary>The Enqueue action: the caller left the queue, and why.</summary>
    public async Task<VoiceResponse> QueueEndedAsync(AgentLineWebhook hook, CancellationToken ct)
    {
        var result = hook.QueueResult ?? "unknown";
        metrics.QueueEnded(result, hook.QueueTime);
        LogQueueEnded(logger, hook.Call.CallSid, result, (int)hook.QueueTime.TotalSeconds);
        var session = await SessionAsync(hook, ct);
        switch (result)
        {
            case "leave" when AgentLineTwiml.CanCallBack(session):
                // Only the wait's call-back offer says <Leave/>, after saving the call back.
                return twiml.CallbackConfirmed(session!);
            case "bridged" or "leave":
                return twiml.Goodbye(session);
            case "hangup":
                await handoffs.CallerLeftAsync(hook.Call.CallSid, HandoffStatus.Abandoned, ct);
                return new VoiceResponse();
            case "redirected" or "redirected-from-bridged" or "bridging-in-process":
                // An agent moved the call (REST redirect): it is already elsewhere.
                return new VoiceResponse();
            default:
                // queue-full, error, system-error: never silence, never a dropped call.
                return twiml.Unavailable(session);
        }
    }

    /// <summary>The Dial action of a dial-through to the call centre.</summary>
    public async Task<VoiceResponse> DialEndedAsync(AgentLineWebhook hook, CancellationToken ct)
    {
        var status = hook.DialCallStatus ?? "unknown";
        metrics.DialEnded(status);
        LogDialEnded(logger, hook.Call.CallSid, status);
        var session = await SessionAsync(hook, ct);
        return status is "completed" or "answered" ? twiml.Goodbye(session) : twiml.Unavailable(session);
    }

    /// <summary>The call-back offer after no one could take the call: 1 saves it; anything else hears the offer again.</summary>
    public async Task<VoiceResponse> CallbackChosenAsync(AgentLineWebhook hook, CancellationToken ct)
    {
        var session = await SessionAsync(hook, ct);
        if (hook.Call.Digits != "1" || !AgentLineTwiml.CanCallBack(session))
        {
            return twiml.Unavailable(session);
        }

        await SaveCallbackAsync(session!, "unavailable", ct);
        return twiml.CallbackConfirmed(session!);
    }

    private async Task SaveCallbackAsync(CallSession session, string offeredWhen, CancellationToken ct)
    {
        var request = CallbackRequest.ForAgent(session);
        await callbacks.SaveAsync(request, ct);
        await handoffs.CallerLeftAsync(session.CallSid, HandoffStatus.CallbackRequested, ct);
        metrics.CallbackSaved(offeredWhen);
        LogCallbackSaved(logger, session.CallSid, request.Id, offeredWhen);
    }

    private async Task<CallSession?> SessionAsync(AgentLineWebhook hook, CancellationToken ct) =>
        (await sessions.LoadAsync(hook.Call.CallSid, ct))?.Session;

    [LoggerMessage(EventId = 2411, EventName = "AgentQueueEnded", Level = LogLevel.Information,
        Message = "Call {CallSid} left the agent queue: {QueueResult} after {QueueSeconds} s")]
    private static partial void LogQueueEnded(ILogger logger, string callSid, string queueResult, int queueSeconds);

    [LoggerMessage(EventId = 2412, EventName = "AgentDialEnded", Level = LogLevel.Information,
        Message = "Dial-through of call {CallSid} to the call centre ended: {DialCallStatus}")]
    private static partial void LogDialEnded(ILogger logger, string callSid, string dialCallStatus);

    [LoggerMessage(EventId = 2413, EventName = "AgentCallbackSaved", Level = LogLevel.Information,
        Message = "Call {CallSid} keeps its place: agent call back {CallbackId} saved ({OfferedWhen})")]
    private static partial void LogCallbackSaved(ILogger logger, string callSid, string callbackId, string offeredWhen);
}
