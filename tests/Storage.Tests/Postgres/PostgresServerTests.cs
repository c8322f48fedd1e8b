using Npgsql;
using PhoneBooking.Storage.Tests.Support;
using PhoneBooking.Testing.Postgres;

namespace PhoneBooking.Storage.Tests.Postgres;

/// <summary>The fixture itself: a real server from Debian's package, one database per class, stop and restart on demand.</summary>
public sealed class PostgresServerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task SharedCluster_FreshDatabase_AnswersAsTheRealServer()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int, (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.True(reader.GetInt32(0) >= 150000, $"server version {reader.GetInt32(0)}");
        Assert.Equal(0, reader.GetInt64(1));
    }

    [Fact]
    public async Task OwnCluster_StoppedImmediately_RefusesThenServesAgainAfterStart()
    {
        await using var server = await PostgresServer.StartNewAsync();
        var connectionString = await server.CreateDatabaseAsync();

        await server.StopAsync();
        await using (var refused = new NpgsqlConnection(connectionString))
        {
            await Assert.ThrowsAsync<NpgsqlException>(() => refused.OpenAsync());
        }

        await server.StartAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }
}
