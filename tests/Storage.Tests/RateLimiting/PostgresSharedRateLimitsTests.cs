using Dapper;
using Npgsql;
using PhoneBooking.Storage.Migrations;
using PhoneBooking.Storage.RateLimiting;
using PhoneBooking.Testing.Postgres;

namespace PhoneBooking.Storage.Tests.RateLimiting;

public sealed class PostgresSharedRateLimitsTests : SharedRateLimitsContract
{
    private readonly List<PhoneBooking.Storage.Postgres.PostgresDatabase> _instances = [];
    private PostgresServer _server = null!;
    private string _connectionString = "";

    public override async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _connectionString = await _server.CreateDatabaseAsync("limits");
        await new PostgresSchemaMigrator((PhoneBooking.Storage.Postgres.PostgresDatabase)await InstanceAsync(), [SharedRateLimitsServiceCollectionExtensions.Schema], Clock).MigrateAsync(CancellationToken.None);
    }

    public override async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await _server.DropDatabaseAsync(_connectionString);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task DatabaseStopped_RequestsLetThrough_CountedAsFailedOpen()
    {
        await using var own = await PostgresServer.StartNewAsync();
        await using var database = new PhoneBooking.Storage.Postgres.PostgresDatabase(await own.CreateDatabaseAsync("limits"));
        await new PostgresSchemaMigrator(database, [SharedRateLimitsServiceCollectionExtensions.Schema], Clock).MigrateAsync(CancellationToken.None);
        var limits = Limits(database);
        using var recorder = Recorder();
        Assert.True(await AcquiredAsync(limits, "caller-a"));

        await own.StopAsync();

        for (var i = 1; i <= 11; i++)
        {
            Assert.True(await AcquiredAsync(limits, "caller-a"), $"hit {i} refused while PostgreSQL is down");
        }

        Assert.Equal(11, recorder.Sum("phonebooking.rate_limit.failed_open", "policy", Policy));
    }

    [Fact]
    public async Task CounterRowHeldBySomeoneElse_RequestLetThroughAfterTheStoreTimeout()
    {
        var database = await InstanceAsync();
        var limits = Limits(database, storeTimeout: TimeSpan.FromMilliseconds(300));
        Assert.True(await AcquiredAsync(limits, "caller-a"));
        using var recorder = Recorder();

        // Another session holds the row (a stuck transaction): the count cannot be taken, the caller is not held.
        await using var blocker = new NpgsqlConnection(_connectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await blocker.ExecuteAsync("SELECT hits FROM rate_limit_windows FOR UPDATE", transaction: transaction);

        Assert.True(await AcquiredAsync(limits, "caller-a"));
        Assert.Equal(1, recorder.Sum("phonebooking.rate_limit.failed_open", "policy", Policy));
    }

    protected override Task<IDatabase> InstanceAsync()
    {
        var database = new PhoneBooking.Storage.Postgres.PostgresDatabase(_connectionString);
        _instances.Add(database);
        return Task.FromResult<IDatabase>(database);
    }
}
