using Dapper;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Postgres;

namespace PhoneBooking.SchedulingApi.Storage.Postgres;

/// <summary>Readiness: a pooled connection answers a query on the API's tables.</summary>
internal sealed class PostgresDatabaseProbe(PostgresDatabase database) : IDatabaseProbe
{
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM sites", cancellationToken: cancellationToken));
        }
        catch (Exception ex) when (StorageErrors.IsConnectionLost(ex))
        {
            database.ClearPool();
            throw;
        }
    }
}
