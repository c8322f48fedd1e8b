using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.IvrHost.Sessions.Sqlite;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Migrations;
using PhoneBooking.Storage.Sqlite;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Sessions;

/// <summary>A real SQLite file in a temp folder, migrated as the line migrates it, and a clock the test moves.</summary>
public sealed class SessionStoreFixture : IDisposable
{
    public TempDirectory Data { get; } = new();

    public ManualTimeProvider Clock { get; } = new();

    /// <summary>A new store instance on the same file each call: what a restarted process would open.</summary>
    public async Task<ICallSessionStore> OpenStoreAsync()
    {
        var database = new SqliteDatabase(new DataDirectory(Data.Path), Options.Create(new StorageOptions()), LineStorage.SqliteFileName);
        await new SqliteSchemaMigrator(database, [CallSessionsServiceCollectionExtensions.Schema], Clock).MigrateAsync(CancellationToken.None);
        return new SqliteCallSessionStore(database, Clock);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Data.Dispose();
    }
}
