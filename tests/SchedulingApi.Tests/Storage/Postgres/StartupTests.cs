using Npgsql;
using PhoneBooking.Storage;
using PhoneBooking.Testing;
using PhoneBooking.Testing.Postgres;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Postgres;

/// <summary>Starting the API on PostgreSQL as an operator would: the settings on the command line, the real process.</summary>
public sealed class StartupTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync("startup");
    }

    public Task DisposeAsync() => _server.DropDatabaseAsync(_database);

    [Fact]
    public async Task Start_ProviderAndConnectionStringOnly_CreatesTheSchemaAndServes()
    {
        await using var api = ApiProcess.Start("--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={_database}");

        await api.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        using var client = api.NewClient();
        var sites = await (await client.GetAsync("/v1/sites")).ReadAsync<SiteResponse[]>();
        Assert.Contains(sites, site => site.Id == "north-york"); // the demo seed, written to PostgreSQL
        Assert.Equal("1 initial, 2 trust_boundaries", await ScalarTextAsync("SELECT string_agg(version || ' ' || name, ', ' ORDER BY version) FROM schema_migrations WHERE feature = 'scheduling'"));
        Assert.False(Directory.Exists(Path.Combine(api.Folder, "data")), "nothing is written to SQLite files on PostgreSQL");
    }

    [Fact]
    public async Task Start_ThreeInstancesAtOnceOnAnEmptyDatabase_AllServeAndTheSchemaIsMadeOnce()
    {
        var instances = Enumerable.Range(0, 3).Select(_ => ApiProcess.Start("--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={_database}")).ToList();
        try
        {
            await Task.WhenAll(instances.Select(api => api.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))));

            Assert.Equal("2", await ScalarTextAsync("SELECT count(*)::text FROM schema_migrations WHERE feature = 'scheduling'"));
            Assert.Equal("0", await ScalarTextAsync("SELECT count(*)::text FROM (SELECT site_id, start_ms FROM windows GROUP BY 1, 2 HAVING count(*) > 1) twice"));
        }
        finally
        {
            foreach (var api in instances)
            {
                await api.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Start_PostgresUnreachable_OneLineNamingHostAndPort_ExitCodeOne()
    {
        var port = ServiceProcess.FreePort();
        await using var api = ApiProcess.Start("--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres=Host=127.0.0.1;Port={port};Database=booking;Username=api;Password={PostgresServer.Password}");

        var exitCode = await api.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(api.StandardError);
        Assert.StartsWith($"PhoneBooking.SchedulingApi did not start: PostgreSQL at 127.0.0.1:{port} is unreachable:", line, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, api.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SchemaNewerThanTheBuild_RefusesSayingSo()
    {
        await using (var first = ApiProcess.Start("--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={_database}"))
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        }

        await using (var connection = new NpgsqlConnection(_database))
        {
            await connection.OpenAsync();
            await using var future = new NpgsqlCommand("INSERT INTO schema_migrations (feature, version, name, applied_at) VALUES ('scheduling', 7, 'from_a_newer_build', 0)", connection);
            await future.ExecuteNonQueryAsync();
        }

        await using var api = ApiProcess.Start("--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={_database}");

        Assert.Equal(1, await api.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(api.StandardError);
        Assert.Contains("The 'scheduling' tables in PostgreSQL at 127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("are at schema version 7, newer than this build knows (2)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProviderMisspelled_RefusesQuotingIt()
    {
        await using var api = ApiProcess.Start("--Storage:Provider=Postgress");

        Assert.Equal(1, await api.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("PhoneBooking.SchedulingApi did not start: Storage:Provider 'Postgress' must be one of: Sqlite, Postgres.", Assert.Single(api.StandardError));
    }

    private async Task<string?> ScalarTextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
