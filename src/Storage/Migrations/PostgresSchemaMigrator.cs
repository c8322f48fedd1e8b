using Dapper;
using Npgsql;
using PhoneBooking.Storage.Postgres;

namespace PhoneBooking.Storage.Migrations;

/// <summary>
/// Migrates a PostgreSQL database while holding a session advisory lock, so of several instances
/// starting at once one migrates and the others wait, then find nothing left to do. Each feature's
/// pending scripts run in one transaction (PostgreSQL DDL is transactional): a failed script leaves
/// that feature at its previous version.
/// </summary>
public sealed class PostgresSchemaMigrator(PostgresDatabase database, IEnumerable<FeatureSchema> features, TimeProvider clock) : ISchemaMigrator
{
    /// <summary>The advisory lock key of migrations: any constant the two processes agree on (ASCII "PBMIGRAT").</summary>
    internal const long LockKey = 0x50424D4947524154;

    public async Task<IReadOnlyList<FeatureMigrated>> MigrateAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await database.OpenAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new StorageStartupException($"PostgreSQL at {database.Endpoint} refused the connection: {ex.MessageText} ({ex.SqlState}; {database.Description}).", ex);
        }
        catch (NpgsqlException ex)
        {
            throw new StorageStartupException($"PostgreSQL at {database.Endpoint} is unreachable: {Reason(ex)} ({database.Description}).", ex);
        }

        await using (connection)
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: cancellationToken));
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        $"""
                        CREATE TABLE IF NOT EXISTS {SchemaMigrations.Table} (
                            feature    text   NOT NULL,
                            version    int    NOT NULL,
                            name       text   NOT NULL,
                            applied_at bigint NOT NULL,
                            PRIMARY KEY (feature, version)
                        )
                        """,
                        cancellationToken: cancellationToken));
                    var done = new List<FeatureMigrated>();
                    foreach (var feature in features)
                    {
                        done.Add(await MigrateAsync(connection, feature, cancellationToken));
                    }

                    return done;
                }
                finally
                {
                    await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
                }
            }
            catch (NpgsqlException ex) when (ex is not PostgresException)
            {
                throw new StorageStartupException($"PostgreSQL at {database.Endpoint} went away while migrating: {Reason(ex)} ({database.Description}).", ex);
            }
            catch (PostgresException ex)
            {
                throw new StorageStartupException($"PostgreSQL at {database.Endpoint} refused the schema migration: {ex.MessageText} ({ex.SqlState}; {database.Description}).", ex);
            }
        }
    }

    private async Task<FeatureMigrated> MigrateAsync(NpgsqlConnection connection, FeatureSchema feature, CancellationToken cancellationToken)
    {
        var scripts = feature.ScriptsFor(StorageProvider.Postgres);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COALESCE(MAX(version), 0) FROM {SchemaMigrations.Table} WHERE feature = @Feature",
            new { Feature = feature.Name },
            transaction,
            cancellationToken: cancellationToken));
        if (stored > scripts.Count)
        {
            throw SchemaMigrations.TooNew(feature, stored, scripts.Count, $"PostgreSQL at {database.Endpoint} ({database.Description})");
        }

        foreach (var script in scripts.Skip(stored))
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
            }
            catch (PostgresException ex)
            {
                throw SchemaMigrations.ScriptFailed(feature, script, $"PostgreSQL at {database.Endpoint}", $"{ex.MessageText} ({ex.SqlState})", ex);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {SchemaMigrations.Table} (feature, version, name, applied_at) VALUES (@Feature, @Version, @Name, @At)",
                new { Feature = feature.Name, script.Version, script.Name, At = DbValues.Ms(clock.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new FeatureMigrated(feature.Name, stored, scripts.Count);
    }

    /// <summary>The innermost message (socket refused, timeout, authentication), which says what went wrong.</summary>
    private static string Reason(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner == ex ? ex.Message : $"{ex.Message} {inner.Message}";
    }
}
