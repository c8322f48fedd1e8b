using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>What the API's event feed said about phone requests, and how far we have read it.</summary>
public interface IOfferFeedStore
{
    /// <summary>The last event id applied (0 before the first).</summary>
    Task<long> CursorAsync(CancellationToken cancellationToken);

    /// <summary>Applies a page and moves the cursor, in one transaction. Repeats change nothing: an event older than what a request already has is ignored.</summary>
    Task ApplyAsync(IReadOnlyList<SchedulingEvent> events, long nextCursor, CancellationToken cancellationToken);

    /// <summary>True while any offer callback is still to be made: only then is the feed worth reading.</summary>
    Task<bool> AnyOfferCallbackOpenAsync(CancellationToken cancellationToken);
}
