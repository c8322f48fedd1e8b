namespace PhoneBooking.SchedulingApi.Storage;

/// <summary>Answers the readiness probe: can the database serve a query right now?</summary>
public interface IDatabaseProbe
{
    Task ProbeAsync(CancellationToken cancellationToken);
}
