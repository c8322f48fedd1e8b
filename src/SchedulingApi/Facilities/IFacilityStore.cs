namespace PhoneBooking.SchedulingApi.Facilities;

public interface IFacilityStore
{
    Task<Facility?> GetByCodeAsync(string code, CancellationToken cancellationToken);

    Task<Facility?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds the facility unless its code exists (a seed never overwrites a changed PIN).</summary>
    Task<bool> AddIfMissingAsync(Facility facility, CancellationToken cancellationToken);
}
