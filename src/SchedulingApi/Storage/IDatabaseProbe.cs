namespace PhoneBooking.SchedulingApi.Storage;

/// <summary>Creates or upgrades the schema at start.</summary>
public interface ISchemaMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);
}

/// <summary>Answers the readiness probe: can the database serve a query right now?</summary>
public interface IDatabaseProbe
{
    Task ProbeAsync(CancellationToken cancellationToken);
}
