using Npgsql;

namespace PhoneBooking.Storage.Postgres;

/// <summary>How a PostgreSQL server is named in messages: host:port, database, user — never the password.</summary>
public static class PostgresEndpoint
{
    public static string HostAndPort(NpgsqlConnectionStringBuilder builder) =>
        $"{builder.Host}:{(builder.Port == 0 ? NpgsqlConnection.DefaultPort : builder.Port)}";

    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"{HostAndPort(builder)}, database '{builder.Database ?? builder.Username}', user '{builder.Username}'";
}
