using PhoneBooking.SchedulingApi.Observability;

namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

internal sealed class SqliteSchemaMigrator(SqliteDatabase database, ILogger<SqliteSchemaMigrator> logger) : ISchemaMigrator
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var from = await SqliteSchema.MigrateAsync(connection, cancellationToken);
        logger.SchemaReady(from, SqliteSchema.LatestVersion);
    }
}
