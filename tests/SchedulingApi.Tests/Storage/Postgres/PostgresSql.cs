using Dapper;
using Npgsql;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Postgres;

/// <summary>Reads the API's PostgreSQL database directly, as an operator with psql would, to check what the API cannot hide.</summary>
internal static class PostgresSql
{
    /// <summary>Unpooled: the test's own connections must not outlive a server restart the test causes (the API's pool is under test).</summary>
    private static string Unpooled(TestApi api) => new NpgsqlConnectionStringBuilder(api.PostgresConnectionString) { Pooling = false }.ConnectionString;

    public static async Task<long> ScalarAsync(this TestApi api, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Unpooled(api));
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this TestApi api, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Unpooled(api));
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public static async Task ExecuteAsync(this TestApi api, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Unpooled(api));
        await connection.ExecuteAsync(sql, parameters);
    }
}
