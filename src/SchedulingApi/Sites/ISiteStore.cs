namespace PhoneBooking.SchedulingApi.Sites;

public interface ISiteStore
{
    Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken);

    Task UpsertAsync(Site site, CancellationToken cancellationToken);
}
