using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PhoneBooking.SchedulingApi.Tests.Support;

/// <summary>
/// Reads the API's database directly, on whichever provider it runs — as an operator with <c>sqlite3</c> or
/// <c>psql</c> would, or an attacker with a copy: what is stored, not what the API shows. Connections are
/// unpooled, so none outlives the test or a server restart the test causes.
/// </summary>
public static class RawDatabase
{
    public static async Task<IReadOnlyList<T>> QueryRawAsync<T>(this TestApi api, string sql, object? parameters = null)
    {
        await using var connection = Open(api);
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public static async Task<T> ScalarRawAsync<T>(this TestApi api, string sql, object? parameters = null)
    {
        await using var connection = Open(api);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    /// <summary>Changes the database behind the API's back, as a bug or a hand edit would.</summary>
    public static async Task<int> ExecuteRawAsync(this TestApi api, string sql, object? parameters = null)
    {
        await using var connection = Open(api);
        return await connection.ExecuteAsync(sql, parameters);
    }

    private static System.Data.Common.DbConnection Open(TestApi api) => api.PostgresConnectionString is { } postgres
        ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ConnectionString)
        : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(api.DataDirectory, "scheduling.db"), Pooling = false }.ConnectionString);
}
