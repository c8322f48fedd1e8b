using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage.Migrations;
using PhoneBooking.Storage.RateLimiting;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.Storage.Tests.RateLimiting;

public sealed class SqliteSharedRateLimitsTests : SharedRateLimitsContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rate-limits-").FullName;
    private readonly List<SqliteDatabase> _instances = [];

    public override async Task InitializeAsync() =>
        await new SqliteSchemaMigrator(await InstanceCoreAsync(), [SharedRateLimitsServiceCollectionExtensions.Schema], Clock).MigrateAsync(CancellationToken.None);

    public override async Task DisposeAsync()
    {
        _instances.ForEach(d => d.Dispose());
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task DatabaseFails_RequestLetThrough_CountedAsFailedOpen()
    {
        var database = await InstanceAsync();
        var limits = Limits(database);
        using var recorder = Recorder();
        await database.WriteAsync(c => c.ExecuteAsync("DROP TABLE rate_limit_windows"), CancellationToken.None);

        for (var i = 1; i <= 12; i++)
        {
            Assert.True(await AcquiredAsync(limits, "caller-a"), $"hit {i} refused while the counters fail");
        }

        Assert.Equal(12, recorder.Sum("phonebooking.rate_limit.failed_open", "policy", Policy));
        Assert.Equal(0, recorder.Sum("phonebooking.rate_limit.refused", "policy", Policy));
    }

    protected override async Task<IDatabase> InstanceAsync() => await InstanceCoreAsync();

    private Task<SqliteDatabase> InstanceCoreAsync()
    {
        var database = new SqliteDatabase(new DataDirectory(_folder), Options.Create(new StorageOptions()), "limits.db");
        _instances.Add(database);
        return Task.FromResult(database);
    }
}
