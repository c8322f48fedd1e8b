using Microsoft.Data.Sqlite;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.IvrHost.Tests.Storage;

/// <summary>The line's files hold callers' personal data: private to the service's user, and start-up errors that name them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LineStorageTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _root.Dispose();
    }

    [Fact]
    public async Task FirstStart_DataFolder0700_LineAndEmbeddedApiDatabases0600()
    {
        var data = _root.File("line-data");
        using var line = IvrHostFactory.WithEmbeddedApi(new Dictionary<string, string?> { ["Storage:DataDirectory"] = data }, StorageProvider.Sqlite);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await line.CreateClient().GetAsync("/health/live")).StatusCode);

        Assert.Equal(DataDirectory.FolderMode, File.GetUnixFileMode(data));
        foreach (var file in new[] { "sessions.db", "scheduling.db" })
        {
            Assert.Equal(SqliteDatabase.FileMode, File.GetUnixFileMode(Path.Combine(data, file)));
        }

        Assert.All(Directory.GetFiles(data, "*.db-*"), companion => Assert.Equal(SqliteDatabase.FileMode, File.GetUnixFileMode(companion)));
    }

    [Fact]
    public void Start_DataFolderCannotBeCreated_NamesTheFolder()
    {
        var blocker = _root.File("a-file");
        File.WriteAllText(blocker, "not a folder");
        using var line = new IvrHostFactory(new Dictionary<string, string?> { ["Storage:DataDirectory"] = Path.Combine(blocker, "data") }, provider: StorageProvider.Sqlite);

        var error = Record.Exception(() => line.CreateClient());

        Assert.NotNull(error);
        Assert.Contains($"The data folder '{Path.Combine(blocker, "data")}' (Storage:DataDirectory) could not be created", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SessionsFileIsNotADatabase_NamesTheFile()
    {
        var data = _root.File("broken");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "sessions.db"), "this is not a database, it is a text file someone put here by mistake");
        using var line = new IvrHostFactory(new Dictionary<string, string?> { ["Storage:DataDirectory"] = data }, provider: StorageProvider.Sqlite);

        var error = Record.Exception(() => line.CreateClient());

        Assert.NotNull(error);
        Assert.Contains($"The SQLite database '{Path.Combine(data, "sessions.db")}' could not be opened or migrated", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
