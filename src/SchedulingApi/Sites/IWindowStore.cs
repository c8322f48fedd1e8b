using PhoneBooking.SchedulingApi.BookingRequests;

namespace PhoneBooking.SchedulingApi.Sites;

public interface IWindowStore
{
    /// <summary>Creates the windows that don't exist yet (same site and start); returns how many were new.</summary>
    Task<int> AddMissingAsync(IEnumerable<NewWindow> windows, CancellationToken cancellationToken);

    Task<IReadOnlyList<Window>> ListAsync(DateOnly fromLocalDate, DateOnly toLocalDate, string? siteId, CancellationToken cancellationToken);

    Task<Window?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The earliest window with room matching <paramref name="preference"/>, never one already offered to the request.</summary>
    Task<Window?> FindOpenAsync(Preference preference, string requestId, DateTimeOffset earliestStart, CancellationToken cancellationToken);

    Task<bool> AnyOpenAsync(DateTimeOffset earliestStart, CancellationToken cancellationToken);

    /// <summary>Takes one place, atomically; false when the window is full.</summary>
    Task<bool> TryReserveAsync(long id, CancellationToken cancellationToken);

    Task ReleaseAsync(long id, CancellationToken cancellationToken);
}
