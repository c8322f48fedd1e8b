namespace PhoneBooking.SchedulingApi.Offers;

public interface IOfferStore
{
    /// <summary>Inserts the offers in as few statements as they fit.</summary>
    Task InsertAsync(IReadOnlyCollection<Offer> offers, CancellationToken cancellationToken);

    /// <summary>The windows each of <paramref name="requestIds"/> has been offered before (in any state): never offered again.</summary>
    Task<ILookup<string, long>> ListOfferedWindowsAsync(IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken);

    Task<Offer?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Pending → <paramref name="status"/>. False when the offer was no longer pending.</summary>
    Task<bool> TryDecideAsync(string id, OfferStatus status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Starts the hold of a pending offer whose hold has not started. False otherwise.</summary>
    Task<bool> TryStartHoldAsync(string id, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Offers waiting for the person's answer (or for delivery): the pending-expiry index.</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Offer>> ListOverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
