using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage.Migrations;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.Storage.Tests.Migrations;

public sealed class SqliteSchemaMigratorTests : SchemaMigratorContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("storage-tests-").FullName;
    private readonly List<SqliteDatabase> _databases = [];

    private string FilePath => Path.Combine(_folder, "data", "test.db");

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        _databases.ForEach(d => d.Dispose());
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Migrate_FileMadeBeforeVersionedMigrations_AdoptedByIfNotExistsScripts()
    {
        // What a sessions.db written by the line before this runner looks like: its tables, no history.
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await ExecuteAsync("CREATE TABLE widgets (id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO widgets (name) VALUES ('old');");

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => NewMigrator(TestFeatures.Widgets()).MigrateAsync(CancellationToken.None));

        // This test feature's version 1 is a plain CREATE TABLE: on such a file it fails, named — which is why
        // every feature's first SQLite script uses CREATE … IF NOT EXISTS (theirs are checked in their projects).
        Assert.Contains("Migration widgets 0001_widgets failed on", error.Message, StringComparison.Ordinal);
        Assert.Contains(FilePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_FileIsNotADatabase_NamesTheFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await File.WriteAllBytesAsync(FilePath, new byte[8192]);
        await File.WriteAllTextAsync(FilePath, "this is not a database, it is a text file someone put here by mistake");

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => NewMigrator(TestFeatures.Widgets()).MigrateAsync(CancellationToken.None));

        Assert.Contains($"The SQLite database '{FilePath}' could not be opened or migrated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_JournalIsWriteAheadLog()
    {
        await NewMigrator(TestFeatures.Widgets()).MigrateAsync(CancellationToken.None);

        Assert.Equal("wal", await TextAsync("PRAGMA journal_mode"));
    }

    protected override ISchemaMigrator NewMigrator(params FeatureSchema[] features)
    {
        var database = new SqliteDatabase(new DataDirectory(Path.Combine(_folder, "data")), Options.Create(new StorageOptions()), "test.db");
        _databases.Add(database);
        return new SqliteSchemaMigrator(database, features, Clock);
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    protected override async Task<string> TextAsync(string sql)
    {
        await using var connection = await OpenAsync();
        return string.Join('|', await connection.QueryAsync<string>(sql));
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    protected override async Task<bool> TableExistsAsync(string table) =>
        await ScalarAsync($"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '{table}'") == 1;

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={FilePath}");
        await connection.OpenAsync();
        return connection;
    }
}
