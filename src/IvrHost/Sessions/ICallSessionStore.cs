namespace PhoneBooking.IvrHost.Sessions;

/// <summary>
/// Call sessions keyed by CallSid, with optimistic concurrency: every write names the version it
/// read, so two webhooks of one call (a retry, a replay, two instances) can never both win.
/// Any instance can serve any webhook because the session lives here, never in process memory.
/// </summary>
public interface ICallSessionStore
{
    Task<CallSessionRecord?> GetAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>Stores a new session at version 1; false when the CallSid already has one.</summary>
    Task<bool> TryInsertAsync(CallSessionRecord session, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="session"/> at version <paramref name="expectedVersion"/> + 1 when the
    /// stored version is still <paramref name="expectedVersion"/>; false when another write came first
    /// (or the session is gone).
    /// </summary>
    Task<bool> TryUpdateAsync(CallSessionRecord session, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>The caller's most recently updated resumable session updated at or after <paramref name="notOlderThan"/>, ended or not.</summary>
    Task<CallSessionRecord?> FindResumableAsync(string callerKey, DateTimeOffset notOlderThan, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the call ended (bumping the version, keeping <see cref="CallSessionRecord.Resumable"/>).
    /// True only for the write that ended it: false for an unknown CallSid or a repeated status callback.
    /// </summary>
    Task<bool> MarkCompletedAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes sessions last updated before <paramref name="updatedBefore"/>: ended calls past their
    /// retention, and active ones whose status callback never came. Returns how many were deleted.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default);

    /// <summary>Calls not ended (no final status callback yet) whose session changed at or after <paramref name="updatedSince"/>: calls in progress.</summary>
    Task<int> CountActiveAsync(DateTimeOffset updatedSince, CancellationToken cancellationToken = default);

    /// <summary>Throws when the store cannot be reached (readiness).</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
