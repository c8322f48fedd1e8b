using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage.Migrations;
using PhoneBooking.Storage.Sqlite;
using PhoneBooking.Testing;

namespace PhoneBooking.Storage.Tests.Sqlite;

/// <summary>The SQLite files hold personal data: readable by the service's user only, and errors that name them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteDatabaseTests : IDisposable
{
    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _root = Directory.CreateTempSubdirectory("storage-tests-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task FirstStart_FolderIs0700_DatabaseWalAndShmAre0600()
    {
        var folder = Path.Combine(_root, "new", "data");

        using var database = await MigratedAsync(folder);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO widgets (name) VALUES ('written')"); // the -wal and -shm exist while a connection is open
            Assert.Equal(DataDirectory.FolderMode, File.GetUnixFileMode(folder));
            foreach (var file in new[] { "test.db", "test.db-wal", "test.db-shm" })
            {
                var path = Path.Combine(folder, file);
                Assert.True(File.Exists(path), $"{file} missing");
                Assert.Equal(SqliteDatabase.FileMode, File.GetUnixFileMode(path));
            }
        }
    }

    [Fact]
    public async Task ExistingWorldReadableFile_TightenedTo0600_ExistingSharedFolderLeftAlone()
    {
        var folder = Path.Combine(_root, "shared");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, DataDirectory.FolderMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        var file = Path.Combine(folder, "test.db");
        await File.WriteAllBytesAsync(file, []);
        File.SetUnixFileMode(file, SqliteDatabase.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var database = await MigratedAsync(folder);

        Assert.Equal(0, (int)(File.GetUnixFileMode(file) & Others));
        Assert.Equal(DataDirectory.FolderMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute, File.GetUnixFileMode(folder));
    }

    [Fact]
    public void DataFolderCannotBeCreated_ErrorNamesTheFolderAndTheSetting()
    {
        var blocker = Path.Combine(_root, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var folder = Path.Combine(blocker, "data");

        var error = Assert.Throws<StorageStartupException>(() => new DataDirectory(folder).File("scheduling.db"));

        Assert.StartsWith($"The data folder '{folder}' (Storage:DataDirectory) could not be created:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFolder_NoFileAskedFor_NotCreated_FirstFileCreatesIt()
    {
        var folder = Path.Combine(_root, "lazy", "data");

        var data = new DataDirectory(folder);

        Assert.Equal(folder, data.Path);
        Assert.False(Directory.Exists(folder)); // a PostgreSQL process resolves it, and must leave no trace on disk
        Assert.Equal(Path.Combine(folder, "x.db"), data.File("x.db"));
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public async Task WriterSlotHeldTooLong_BusyAfterTheConfiguredWait()
    {
        using var database = await MigratedAsync(Path.Combine(_root, "busy"), writerWaitSeconds: 1);
        using var held = await database.EnterWriterAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<StorageBusyException>(() => database.WriteAsync(c => c.ExecuteAsync("SELECT 1"), CancellationToken.None));

        Assert.Contains("within 1 s", error.Message, StringComparison.Ordinal);
        Assert.True(StorageErrors.IsUnavailable(error));
    }

    private static async Task<SqliteDatabase> MigratedAsync(string folder, int writerWaitSeconds = 15)
    {
        var database = new SqliteDatabase(new DataDirectory(folder), Options.Create(new StorageOptions { WriterWaitSeconds = writerWaitSeconds }), "test.db");
        await new SqliteSchemaMigrator(database, [TestFeatures.Widgets()], new ManualTimeProvider()).MigrateAsync(CancellationToken.None);
        return database;
    }
}
