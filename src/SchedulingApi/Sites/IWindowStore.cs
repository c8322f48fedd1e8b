using PhoneBooking.SchedulingApi.BookingRequests;

namespace PhoneBooking.SchedulingApi.Sites;

public interface IWindowStore
{
    /// <summary>Creates the windows that don't exist yet (same site and start); returns how many were new.</summary>
    Task<int> AddMissingAsync(IEnumerable<NewWindow> windows, CancellationToken cancellationToken);

    Task<IReadOnlyList<Window>> ListAsync(DateOnly fromLocalDate, DateOnly toLocalDate, string? siteId, CancellationToken cancellationToken);

    Task<Window?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Every window with room starting at or after <paramref name="earliestStart"/>, earliest first (then by site).</summary>
    Task<IReadOnlyList<OpenWindow>> ListOpenAsync(DateTimeOffset earliestStart, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the windows <paramref name="ids"/> until the transaction ends and returns their places left as committed now.
    /// A window another instance holds is left out (PostgreSQL's SKIP LOCKED): never waited for, never returned.
    /// </summary>
    Task<IReadOnlyDictionary<long, int>> ClaimAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Takes the given number of places from each window, in one statement; returns how many windows had that much room (the others are untouched).</summary>
    Task<int> TakeAsync(IReadOnlyDictionary<long, int> places, CancellationToken cancellationToken);

    Task ReleaseAsync(long id, CancellationToken cancellationToken);
}
