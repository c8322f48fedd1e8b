using PhoneBooking.Storage.Migrations;
using PhoneBooking.Testing;

namespace PhoneBooking.Storage.Tests.Migrations;

/// <summary>
/// What both providers' migration runners promise: scripts in order, once, recorded; a newer schema
/// refused; a failed script leaves the feature as it was; several processes starting at once migrate once.
/// Each test gets an empty database; <see cref="NewMigrator"/> is a new process's runner on it.
/// </summary>
public abstract class SchemaMigratorContract : IAsyncLifetime
{
    protected ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryScriptInOrderAndRecordsIt()
    {
        var done = await NewMigrator(TestFeatures.Widgets()).MigrateAsync(CancellationToken.None);

        Assert.Equal([new FeatureMigrated("widgets", 0, 2)], done);
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM widgets"));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM widgets WHERE name = 'second' AND colour = 'blue'"));
        Assert.Equal(
            $"1 widgets {Clock.GetUtcNow().ToUnixTimeMilliseconds()}|2 widget_colour {Clock.GetUtcNow().ToUnixTimeMilliseconds()}",
            await TextAsync("SELECT version || ' ' || name || ' ' || applied_at FROM schema_migrations WHERE feature = 'widgets' ORDER BY version"));
    }

    [Fact]
    public async Task Migrate_AgainAfterARestart_AppliesNothing()
    {
        await NewMigrator(TestFeatures.Widgets()).MigrateAsync(CancellationToken.None);

        var done = await NewMigrator(TestFeatures.Widgets()).MigrateAsync(CancellationToken.None);

        Assert.Equal([new FeatureMigrated("widgets", 2, 2)], done);
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM widgets"));
    }

    [Fact]
    public async Task Migrate_SchemaNewerThanTheBuild_RefusesSayingSo()
    {
        await NewMigrator(TestFeatures.Widgets()).MigrateAsync(CancellationToken.None);
        await ExecuteAsync("INSERT INTO schema_migrations (feature, version, name, applied_at) VALUES ('widgets', 3, 'from_the_future', 0)");

        var error = await Assert.ThrowsAsync<SchemaTooNewException>(() => NewMigrator(TestFeatures.Widgets()).MigrateAsync(CancellationToken.None));

        Assert.Contains("'widgets' tables", error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 3, newer than this build knows (2)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM widgets"));
    }

    [Fact]
    public async Task Migrate_ScriptRefused_NamesItAndLeavesTheFeatureAsItWas()
    {
        var error = await Assert.ThrowsAsync<StorageStartupException>(() => NewMigrator(TestFeatures.Broken()).MigrateAsync(CancellationToken.None));

        Assert.Contains("Migration broken 0002_typo failed on", error.Message, StringComparison.Ordinal);
        Assert.False(await TableExistsAsync("schema_migrations") && await ScalarAsync("SELECT count(*) FROM schema_migrations WHERE feature = 'broken'") > 0);
        Assert.False(await TableExistsAsync("broken_things"));
    }

    [Fact]
    public async Task Migrate_EightProcessesStartingAtOnce_MigrateOnce()
    {
        var runs = Enumerable.Range(0, 8).Select(_ => Task.Run(() => NewMigrator(TestFeatures.Widgets()).MigrateAsync(CancellationToken.None)));

        var results = await Task.WhenAll(runs);

        Assert.Single(results, r => r.Single().FromVersion == 0);
        Assert.All(results, r => Assert.Equal(2, r.Single().ToVersion));
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM widgets"));
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM schema_migrations WHERE feature = 'widgets'"));
    }

    [Fact]
    public void FeatureSchema_ScriptMissingFromTheNumbering_Refused()
    {
        var error = Assert.Throws<InvalidOperationException>(TestFeatures.Gapped);

        Assert.Contains("numbered 1..n without gaps", error.Message, StringComparison.Ordinal);
        Assert.Contains("found 1, 3", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A runner as a newly started process would have it: its own connections to the same database.</summary>
    protected abstract ISchemaMigrator NewMigrator(params FeatureSchema[] features);

    protected abstract Task<long> ScalarAsync(string sql);

    protected abstract Task<string> TextAsync(string sql);

    protected abstract Task ExecuteAsync(string sql);

    protected abstract Task<bool> TableExistsAsync(string table);
}
