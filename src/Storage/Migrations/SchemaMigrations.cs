namespace PhoneBooking.Storage.Migrations;

/// <summary>What a migration run did to one feature.</summary>
public sealed record FeatureMigrated(string Feature, int FromVersion, int ToVersion);

/// <summary>Brings every registered feature's tables to the version this build knows. Runs once per process, at start.</summary>
public interface ISchemaMigrator
{
    Task<IReadOnlyList<FeatureMigrated>> MigrateAsync(CancellationToken cancellationToken);
}

/// <summary>The history table both runners keep, and the refusal both give for a newer schema.</summary>
internal static class SchemaMigrations
{
    public const string Table = "schema_migrations";

    public static SchemaTooNewException TooNew(FeatureSchema feature, int stored, int known, string where) =>
        new($"The '{feature.Name}' tables in {where} are at schema version {stored}, newer than this build knows ({known}): " +
            "run the build that migrated them (or a later one), or restore a backup taken for this one.");

    /// <summary>A script the database refused: the feature stays at its previous version (the transaction rolls back).</summary>
    public static StorageStartupException ScriptFailed(FeatureSchema feature, MigrationScript script, string where, string reason, Exception inner) =>
        new($"Migration {feature.Name} {script.Version:D4}_{script.Name} failed on {where}: {reason}", inner);
}
