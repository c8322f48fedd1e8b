namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>The dialer's structured events: ids and fixed words only, never a phone number.</summary>
internal static partial class DialerLog
{
    [LoggerMessage(EventId = 2901, EventName = "CallbackPlaced", Level = LogLevel.Information,
        Message = "Callback {CallbackId} attempt {Attempt} ({Kind}) placed as call {CallSid}")]
    public static partial void Placed(ILogger logger, string callbackId, int attempt, CallbackKind kind, string callSid);

    [LoggerMessage(EventId = 2902, EventName = "CallbackRefused", Level = LogLevel.Warning,
        Message = "Callback {CallbackId} refused: {Reason} (the number is not logged; supervisors see the callback)")]
    public static partial void Refused(ILogger logger, string callbackId, string reason);

    [LoggerMessage(EventId = 2903, EventName = "CallbackPostponed", Level = LogLevel.Information,
        Message = "Callback {CallbackId} put off until {Until:o}: {Reason}")]
    public static partial void Postponed(ILogger logger, string callbackId, DateTimeOffset until, string reason);

    [LoggerMessage(EventId = 2904, EventName = "CallbackNotPlaced", Level = LogLevel.Warning,
        Message = "Callback {CallbackId} attempt {Attempt} not placed: {Reason}; tried again at {RetryAt:o}")]
    public static partial void NotPlaced(ILogger logger, string callbackId, int attempt, string reason, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 2905, EventName = "CallbackDialInDoubt", Level = LogLevel.Warning,
        Message = "Callback {CallbackId} attempt {Attempt}: no answer from Twilio's API ({Reason}); Twilio's status callbacks will settle it, nothing is dialled again before")]
    public static partial void InDoubt(ILogger logger, string callbackId, int attempt, string reason);

    [LoggerMessage(EventId = 2906, EventName = "CallbackAttemptsRecovered", Level = LogLevel.Warning,
        Message = "Leases ended: {Abandoned} attempts claimed but never dialled, {NotPlaced} never confirmed by Twilio, {Lost} silent calls; their callbacks are open again")]
    public static partial void Recovered(ILogger logger, int abandoned, int notPlaced, int lost);

    [LoggerMessage(EventId = 2907, EventName = "CallbackAttemptStatus", Level = LogLevel.Information,
        Message = "Callback {CallbackId} attempt {Attempt} call {CallSid}: {CallStatus} (answered by {AnsweredBy}); callback now {CallbackStatus}")]
    public static partial void Status(ILogger logger, string callbackId, int attempt, string? callSid, string callStatus, string? answeredBy, CallbackStatus? callbackStatus);

    [LoggerMessage(EventId = 2908, EventName = "CallbackLateStatus", Level = LogLevel.Error,
        Message = "Callback {CallbackId} attempt {Attempt}: Twilio reported call {CallSid} ({CallStatus}) after the attempt was settled as not placed: a second call may have been made")]
    public static partial void LateStatus(ILogger logger, string callbackId, int attempt, string? callSid, string callStatus);

    [LoggerMessage(EventId = 2909, EventName = "CallbackFinalNotice", Level = LogLevel.Information,
        Message = "Callback {CallbackId}: retries spent; final text {Result}")]
    public static partial void FinalNotice(ILogger logger, string callbackId, string result);

    [LoggerMessage(EventId = 2910, EventName = "CallbackFeedRead", Level = LogLevel.Debug,
        Message = "Scheduling events read: {Count}, cursor now {Cursor}")]
    public static partial void FeedRead(ILogger logger, int count, long cursor);

    [LoggerMessage(EventId = 2911, EventName = "CallbackFeedFailed", Level = LogLevel.Warning,
        Message = "Scheduling events could not be read after cursor {Cursor}: {Reason}; read again on the next poll")]
    public static partial void FeedFailed(ILogger logger, long cursor, string reason);

    [LoggerMessage(EventId = 2912, EventName = "CallbackRoute", Level = LogLevel.Information,
        Message = "Callback {CallbackId} attempt {Attempt} call {CallSid} answered: {Route}")]
    public static partial void Routed(ILogger logger, string callbackId, int attempt, string callSid, AttemptRoute route);

    [LoggerMessage(EventId = 2913, EventName = "CallbackRedirectFailed", Level = LogLevel.Warning,
        Message = "Callback {CallbackId} call {CallSid}: a machine answered after the flow started, and the call could not be redirected to the message: {Reason}")]
    public static partial void RedirectFailed(ILogger logger, string callbackId, string callSid, string reason);

    [LoggerMessage(EventId = 2914, EventName = "DialerPassFailed", Level = LogLevel.Error,
        Message = "A dialer pass failed; the next pass retries")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2915, EventName = "CallbackUnknown", Level = LogLevel.Warning,
        Message = "Twilio asked about callback {CallbackId} attempt {Attempt} (call {CallSid}), which is not in the queue")]
    public static partial void Unknown(ILogger logger, string callbackId, int attempt, string callSid);
}
