using System.Diagnostics;
using Dapper;
using Npgsql;
using PhoneBooking.Storage.Migrations;
using PhoneBooking.Storage.Postgres;
using PhoneBooking.Testing.Postgres;
using StorageDatabase = PhoneBooking.Storage.Postgres.PostgresDatabase;

namespace PhoneBooking.Storage.Tests.Migrations;

public sealed class PostgresSchemaMigratorTests : SchemaMigratorContract
{
    private readonly List<StorageDatabase> _databases = [];
    private PostgresServer _server = null!;
    private string _connectionString = "";

    public override async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _connectionString = await _server.CreateDatabaseAsync("migrator");
    }

    public override async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await _server.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task Migrate_ServerUnreachable_OneLineNamingHostAndPortFastWithoutThePassword()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now
        var database = new StorageDatabase($"Host=127.0.0.1;Port={port};Database=line;Username=phone;Password={PostgresServer.Password}");
        _databases.Add(database);
        var started = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => new PostgresSchemaMigrator(database, [TestFeatures.Widgets()], Clock).MigrateAsync(CancellationToken.None));

        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{port} is unreachable:", error.Message, StringComparison.Ordinal);
        Assert.Contains("database 'line', user 'phone'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(StorageDatabase.DefaultTimeoutSeconds + 5), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task Migrate_DatabaseMissing_SaysTheServerRefused()
    {
        var database = new StorageDatabase(_server.ConnectionString("no_such_database"));
        _databases.Add(database);

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => new PostgresSchemaMigrator(database, [TestFeatures.Widgets()], Clock).MigrateAsync(CancellationToken.None));

        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{_server.Port} refused the connection:", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WhileAnotherInstanceHoldsTheMigrationLock_WaitsForIt()
    {
        await using var other = new NpgsqlConnection(_connectionString);
        await other.OpenAsync();
        await other.ExecuteAsync("SELECT pg_advisory_lock(@Key)", new { Key = PostgresSchemaMigrator.LockKey });

        var migrating = NewMigrator(TestFeatures.Widgets()).MigrateAsync(CancellationToken.None);
        await Task.Delay(300);
        Assert.False(migrating.IsCompleted);
        Assert.False(await TableExistsAsync("widgets"));

        await other.ExecuteAsync("SELECT pg_advisory_unlock(@Key)", new { Key = PostgresSchemaMigrator.LockKey });
        Assert.Equal(2, (await migrating).Single().ToVersion);
    }

    [Fact]
    public async Task Migrate_FunctionBodyWithSemicolons_SentWhole()
    {
        await NewMigrator(TestFeatures.Widgets()).MigrateAsync(CancellationToken.None);

        Assert.Equal(2, await ScalarAsync("SELECT widget_count()"));
    }

    protected override ISchemaMigrator NewMigrator(params FeatureSchema[] features)
    {
        var database = new StorageDatabase(_connectionString);
        lock (_databases)
        {
            _databases.Add(database);
        }

        return new PostgresSchemaMigrator(database, features, Clock);
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    protected override async Task<string> TextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        return string.Join('|', await connection.QueryAsync<string>(sql));
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.ExecuteAsync(sql);
    }

    protected override async Task<bool> TableExistsAsync(string table) =>
        await ScalarAsync($"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '{table}'") == 1;
}
