namespace PhoneBooking.SchedulingApi.GroupVisits;

public interface IGroupVisitStore
{
    Task<long> InsertAsync(GroupVisit visit, CancellationToken cancellationToken);

    Task<GroupVisit?> GetAsync(string id, CancellationToken cancellationToken);

    Task<bool> ReferenceExistsAsync(string reference, CancellationToken cancellationToken);

    Task<int> GetQueuePositionAsync(long seq, CancellationToken cancellationToken);

    Task<IReadOnlyList<GroupVisit>> ListQueuedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Books one mobile team on <paramref name="date"/>, atomically; false when all teams are taken.</summary>
    Task<bool> TryReserveTeamAsync(DateOnly date, int teamsPerDay, CancellationToken cancellationToken);

    Task CompleteAsync(string id, GroupVisitStatus status, DateOnly? visitDate, CancellationToken cancellationToken);
}
