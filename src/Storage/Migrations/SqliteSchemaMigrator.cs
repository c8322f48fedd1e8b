using Dapper;
using Microsoft.Data.Sqlite;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.Storage.Migrations;

/// <summary>
/// Migrates a SQLite file: WAL on (a property of the file), then every feature's pending scripts in one
/// BEGIN IMMEDIATE transaction, so two processes starting on one file migrate it once and a failed
/// script leaves the file as it was.
/// </summary>
public sealed class SqliteSchemaMigrator(SqliteDatabase database, IEnumerable<FeatureSchema> features, TimeProvider clock) : ISchemaMigrator
{
    public async Task<IReadOnlyList<FeatureMigrated>> MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var writer = await database.EnterWriterAsync(cancellationToken);
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
            await using var transaction = connection.BeginTransaction(deferred: false);
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                CREATE TABLE IF NOT EXISTS {SchemaMigrations.Table} (
                    feature    TEXT    NOT NULL,
                    version    INTEGER NOT NULL,
                    name       TEXT    NOT NULL,
                    applied_at INTEGER NOT NULL,
                    PRIMARY KEY (feature, version)
                );
                """,
                transaction: transaction,
                cancellationToken: cancellationToken));

            var done = new List<FeatureMigrated>();
            foreach (var feature in features)
            {
                done.Add(await MigrateAsync(connection, transaction, feature, cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
            return done;
        }
        catch (SqliteException ex)
        {
            throw new StorageStartupException($"The SQLite database '{database.FilePath}' could not be opened or migrated: {ex.Message}", ex);
        }
    }

    private async Task<FeatureMigrated> MigrateAsync(SqliteConnection connection, SqliteTransaction transaction, FeatureSchema feature, CancellationToken cancellationToken)
    {
        var scripts = feature.ScriptsFor(StorageProvider.Sqlite);
        var stored = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COALESCE(MAX(version), 0) FROM {SchemaMigrations.Table} WHERE feature = @Feature",
            new { Feature = feature.Name },
            transaction,
            cancellationToken: cancellationToken));
        if (stored > scripts.Count)
        {
            throw SchemaMigrations.TooNew(feature, stored, scripts.Count, $"'{database.FilePath}'");
        }

        foreach (var script in scripts.Skip(stored))
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
            }
            catch (SqliteException ex)
            {
                throw SchemaMigrations.ScriptFailed(feature, script, $"'{database.FilePath}'", ex.Message, ex);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {SchemaMigrations.Table} (feature, version, name, applied_at) VALUES (@Feature, @Version, @Name, @At)",
                new { Feature = feature.Name, script.Version, script.Name, At = DbValues.Ms(clock.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken));
        }

        return new FeatureMigrated(feature.Name, stored, scripts.Count);
    }
}
