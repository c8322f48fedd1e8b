using Dapper;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

internal sealed class SqliteDatabaseProbe(SqliteDatabase database) : IDatabaseProbe
{
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM sites", cancellationToken: cancellationToken));
    }
}
