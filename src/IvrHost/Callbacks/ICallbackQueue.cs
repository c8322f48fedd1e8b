namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>
/// The outbound queue as the dialer and Twilio's outbound webhooks work it. Every change is a
/// compare-and-set in the database, so two hosts on one database (or a host restarted mid-dial)
/// never dial one callback twice: a callback is claimed under a lease, its attempt is recorded
/// before Twilio is asked, and an attempt whose dial is in doubt is settled by Twilio's own status
/// callbacks (they carry the callback id and attempt number), never by dialling again blindly.
/// </summary>
public interface ICallbackQueue
{
    /// <summary>Open callbacks due now, oldest due first; offer callbacks only once their request has a pending offer.</summary>
    Task<IReadOnlyList<DueCallback>> DueAsync(DateTimeOffset now, int limit, bool includeAgentCallbacks, CancellationToken cancellationToken) =>
        DueAsync(now, limit, includeAgentCallbacks, includeLineBusy: true, cancellationToken);

    /// <summary>As above; without the callers a full line turned away while it is still full (Admission).</summary>
    Task<IReadOnlyList<DueCallback>> DueAsync(DateTimeOffset now, int limit, bool includeAgentCallbacks, bool includeLineBusy, CancellationToken cancellationToken);

    /// <summary>
    /// The backlog the dialer's alerts watch: callbacks due now and not being dialled (as <see cref="DueAsync"/>
    /// finds them, agent callbacks included whether or not an agent is free), by kind, and since when the
    /// oldest has been due. One aggregate query on the due index.
    /// </summary>
    Task<CallbackBacklog> BacklogAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Callbacks whose retries ran out and whose final text message is due.</summary>
    Task<IReadOnlyList<DueCallback>> NoticesDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Agent callbacks being dialled or on the line: the stand-in for "agents busy with callbacks".</summary>
    Task<int> AgentCallsInFlightAsync(CancellationToken cancellationToken);

    /// <summary>Calls we started to this number since <paramref name="since"/> (every callback, every kind).</summary>
    Task<int> DialsSinceAsync(string phone, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Other callbacks promised in the same incoming call as this one that have been dialled at least once.</summary>
    Task<int> OtherCallbacksDialledForTheSameCallAsync(string callbackId, CancellationToken cancellationToken);

    /// <summary>Not now (calling hours, daily cap): a call or final notice due again at <paramref name="until"/>; the reason stays visible.</summary>
    Task PostponeAsync(string id, DateTimeOffset until, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The outbound policy said no: finished, with the reason for supervisors.</summary>
    Task RefuseAsync(string id, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Takes the callback for <paramref name="owner"/> until the lease ends and records attempt n+1 as claimed; null when another got it.</summary>
    Task<ClaimedAttempt?> TryClaimAsync(DueCallback callback, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The last write before Twilio is asked: false when the lease was lost (then nothing is dialled).</summary>
    Task<bool> StartDiallingAsync(ClaimedAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Twilio created the call.</summary>
    Task PlacedAsync(ClaimedAttempt attempt, string callSid, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Twilio said no before acting (rate limit, outage, our configuration): not a miss, tried again at <paramref name="retryAt"/>.</summary>
    Task NotPlacedAsync(ClaimedAttempt attempt, string error, DateTimeOffset retryAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Twilio refused the number itself (invalid, unreachable, not permitted): finished as refused.</summary>
    Task RejectedAsync(ClaimedAttempt attempt, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A status of attempt n from Twilio (or a create that failed as a call would): the attempt moves on, never back; a miss schedules the retry or the final notice.</summary>
    Task<AttemptUpdate> RecordStatusAsync(AttemptStatus status, IReadOnlyList<TimeSpan> retryDelays, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The answered call asks what to do: a person (the call flow) or a machine (the message). Decided once per
    /// attempt: a machine known by then → voicemail; a person or "unknown" → flow; not known yet → undecided,
    /// unless <paramref name="decideNow"/> (we waited long enough: a person).
    /// </summary>
    Task<RouteDecision> RouteAsync(string callbackId, int number, bool decideNow, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Twilio's machine detection answered: records it; true when the call flow had already started and the call must be redirected to the message.</summary>
    Task<bool> MachineDetectedAsync(string callbackId, int number, string answeredBy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>notify → gave-up, before the text is sent (at most once: a crash leaves "final-sms-pending", never a second text).</summary>
    Task<bool> TryStartNoticeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    Task NoticeDoneAsync(string id, string outcome, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Expired leases: an attempt never dialled is abandoned and the callback reopened; an attempt in doubt
    /// ("dialling", no word from Twilio) is declared not placed only after <paramref name="settle"/>
    /// (Twilio's status callbacks would have come by then); a placed call silent for <paramref name="stale"/> is lost.
    /// </summary>
    Task<Recovery> RecoverAsync(DateTimeOffset now, TimeSpan settle, TimeSpan stale, CancellationToken cancellationToken);

    /// <summary>Open offer callbacks whose request was booked, closed or cancelled: closed, nothing to call about.</summary>
    Task<int> CloseSettledAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <param name="DueSince">
/// Since when it has been due: its next attempt time, or for an offer callback the moment its offer was
/// made when that came later (a caller who hung up before the offer is due from the offer).
/// </param>
public sealed record DueCallback(string Id, CallbackKind Kind, string Phone, string Locale, int Attempts, DateTimeOffset DueSince);

public sealed record ClaimedAttempt(string CallbackId, int Number, CallbackKind Kind, string Phone, string Locale, string Owner, DateTimeOffset DueSince);

/// <param name="OldestDueSince">Null when nothing is due.</param>
public sealed record CallbackBacklog(IReadOnlyDictionary<CallbackKind, int> Due, DateTimeOffset? OldestDueSince);

/// <param name="CallSid">Null for a create that failed before Twilio made a call.</param>
/// <param name="Status">Twilio's CallStatus: queued, initiated, ringing, in-progress, completed, busy, no-answer, failed, canceled.</param>
public sealed record AttemptStatus(string CallbackId, int Number, string? CallSid, string Status, string? AnsweredBy = null, string? Error = null);

public enum AttemptRoute
{
    Undecided,
    Flow,
    Voicemail,
}

/// <param name="New">True for the request that decided it (a replayed webhook gets the same route, not new).</param>
public sealed record RouteDecision(AttemptRoute Route, bool New);

/// <summary>What a status did: whether it counted as a miss, and where the callback went.</summary>
/// <param name="Known">False when no such attempt exists (a forged or very old callback URL).</param>
/// <param name="LateForSettled">Twilio spoke of a call we had declared not placed: a possible duplicate, logged loudly.</param>
public sealed record AttemptUpdate(bool Known, bool Final, bool Miss, CallbackStatus? Callback, bool LateForSettled = false);

public sealed record Recovery(int Abandoned, int NotPlaced, int Lost)
{
    public int Total => Abandoned + NotPlaced + Lost;
}
