using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.Deferred;

/// <summary>
/// The durable list of booking requests waiting for the scheduling API, keyed by idempotency key:
/// saving the same key twice keeps the first, so a replayed webhook or a double click saves one.
/// </summary>
public interface IDeferredRequestStore
{
    /// <param name="idempotencyKey">The key the request would have been sent with (<c>IdempotencyKey.Value</c>).</param>
    /// <param name="callSid">The call it was taken on (for an agent's booking, the handed-over call).</param>
    Task SaveAsync(string idempotencyKey, string callSid, BookingRequestSubmission submission, CancellationToken cancellationToken);

    Task<DeferredRequest?> GetAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> pending requests no one else holds, oldest first, held for <paramref name="owner"/>
    /// for <paramref name="lease"/>: another instance's submitter takes them only after that (a crashed one's, for instance).
    /// </summary>
    Task<IReadOnlyList<DeferredRequest>> ClaimPendingAsync(string owner, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>Lets go of what <paramref name="owner"/> still holds pending (a pass that stopped early), for anyone to take at once.</summary>
    Task ReleaseAsync(string owner, CancellationToken cancellationToken);

    /// <summary>How many are pending and since when the oldest has waited (one aggregate on the status index).</summary>
    Task<DeferredBacklog> BacklogAsync(CancellationToken cancellationToken);

    /// <summary>Pending → submitted with the API's request id; false when it was not pending (another instance got there).</summary>
    Task<bool> MarkSubmittedAsync(string idempotencyKey, string requestId, CancellationToken cancellationToken);

    /// <summary>Pending → rejected; false when it was not pending.</summary>
    Task<bool> MarkRejectedAsync(string idempotencyKey, CancellationToken cancellationToken);
}

/// <param name="OldestCreatedAt">Null when none is pending.</param>
public sealed record DeferredBacklog(int Pending, DateTimeOffset? OldestCreatedAt);
