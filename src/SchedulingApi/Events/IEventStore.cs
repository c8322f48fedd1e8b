namespace PhoneBooking.SchedulingApi.Events;

public interface IEventStore
{
    Task AppendAsync(SchedulingEvent schedulingEvent, CancellationToken cancellationToken);

    /// <summary>Events of <paramref name="client"/>'s requests and group visits (and of unowned ones) with an id greater than <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<SchedulingEvent>> ReadAsync(long afterId, int limit, string client, CancellationToken cancellationToken);
}
