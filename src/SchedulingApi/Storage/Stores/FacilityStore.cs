using PhoneBooking.SchedulingApi.Facilities;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

internal sealed class FacilityStore(IStoreSession db) : IFacilityStore
{
    private const string Columns = "id, code, name, spoken_name AS SpokenName, pin_hash AS PinHash";

    public Task<Facility?> GetByCodeAsync(string code, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<Facility>($"SELECT {Columns} FROM facilities WHERE code = @code", new { code }, cancellationToken);

    public Task<Facility?> GetAsync(string id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<Facility>($"SELECT {Columns} FROM facilities WHERE id = @id", new { id }, cancellationToken);

    public async Task<bool> AddIfMissingAsync(Facility facility, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            "INSERT INTO facilities (id, code, name, spoken_name, pin_hash) VALUES (@Id, @Code, @Name, @SpokenName, @PinHash) ON CONFLICT (code) DO NOTHING",
            facility,
            cancellationToken) == 1;
}
