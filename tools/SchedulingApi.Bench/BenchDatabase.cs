using Npgsql;

namespace PhoneBooking.SchedulingApi.Bench;

/// <summary>The bench's PostgreSQL database starts empty (every run measures the same thing): its tables are dropped; the API's migrations make them again.</summary>
internal static class BenchDatabase
{
    public static async Task EmptyAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
