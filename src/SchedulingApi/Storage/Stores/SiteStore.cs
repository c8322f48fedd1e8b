using PhoneBooking.SchedulingApi.Sites;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

internal sealed class SiteStore(IStoreSession db) : ISiteStore
{
    public async Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken) =>
        [.. await db.QueryAsync<Site>(
            "SELECT id, name, spoken_name AS SpokenName, address, time_zone AS TimeZoneId FROM sites ORDER BY name",
            null,
            cancellationToken)];

    public Task UpsertAsync(Site site, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            INSERT INTO sites (id, name, spoken_name, address, time_zone) VALUES (@Id, @Name, @SpokenName, @Address, @TimeZoneId)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, spoken_name = excluded.spoken_name,
                address = excluded.address, time_zone = excluded.time_zone
            """,
            site,
            cancellationToken);
}
