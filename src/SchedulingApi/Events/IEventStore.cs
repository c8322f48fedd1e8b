namespace PhoneBooking.SchedulingApi.Events;

public interface IEventStore
{
    Task AppendAsync(SchedulingEvent schedulingEvent, CancellationToken cancellationToken);

    /// <summary>Events with an id greater than <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<SchedulingEvent>> ReadAsync(long afterId, int limit, CancellationToken cancellationToken);
}
