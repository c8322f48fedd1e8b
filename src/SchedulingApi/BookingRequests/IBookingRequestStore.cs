namespace PhoneBooking.SchedulingApi.BookingRequests;

public interface IBookingRequestStore
{
    /// <summary>Inserts the request; returns its arrival sequence number.</summary>
    Task<long> InsertAsync(BookingRequest request, CancellationToken cancellationToken);

    Task<BookingRequest?> GetAsync(string id, CancellationToken cancellationToken);

    Task<int> CountQueuedAsync(CancellationToken cancellationToken);

    /// <summary>The queue for the operators' gauges: queued, awaiting eligibility, and when the oldest queued arrived (partial indexes only).</summary>
    Task<QueueDepth> QueueDepthAsync(CancellationToken cancellationToken);

    /// <summary>1-based position among queued requests, in arrival order.</summary>
    Task<int> GetQueuePositionAsync(long seq, CancellationToken cancellationToken);

    Task<IReadOnlyList<BookingRequest>> ListQueuedAsync(long afterSeq, int limit, CancellationToken cancellationToken);

    /// <summary>Queued → offered, counting the offer, for each request in one statement; returns how many were still queued (the others are untouched).</summary>
    Task<int> MarkOfferedAsync(IReadOnlyCollection<(string RequestId, string OfferId)> offers, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Offered → queued (another try) or closed (offer cap reached) after a decline or an expiry.</summary>
    Task ReturnFromOfferAsync(string id, RequestStatus status, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkBookedAsync(string id, string confirmationCode, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkCancelledAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Queues every request waiting for a group that has opened by <paramref name="today"/>.</summary>
    Task<IReadOnlyList<BookingRequest>> PromoteEligibleAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Re-dates the waiting requests of a cohort after its opening date changed in configuration.</summary>
    Task<int> UpdateEligibleFromAsync(string cohort, DateOnly? opensOn, CancellationToken cancellationToken);
}

/// <param name="OldestQueuedAt">Null when none is queued.</param>
public sealed record QueueDepth(int Queued, int AwaitingEligibility, DateTimeOffset? OldestQueuedAt);
