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

    /// <summary>Pending requests, oldest first.</summary>
    Task<IReadOnlyList<DeferredRequest>> PendingAsync(int limit, CancellationToken cancellationToken);

    /// <summary>How many are pending and since when the oldest has waited (one aggregate on the status index).</summary>
    Task<DeferredBacklog> BacklogAsync(CancellationToken cancellationToken);

    /// <summary>Pending → submitted with the API's request id; false when it was not pending (another instance got there).</summary>
    Task<bool> MarkSubmittedAsync(string idempotencyKey, string requestId, CancellationToken cancellationToken);

    /// <summary>Pending → rejected; false when it was not pending.</summary>
    Task<bool> MarkRejectedAsync(string idempotencyKey, CancellationToken cancellationToken);
}

/// <param name="OldestCreatedAt">Null when none is pending.</param>
public sealed record DeferredBacklog(int Pending, DateTimeOffset? OldestCreatedAt);
