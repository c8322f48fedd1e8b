using Microsoft.Extensions.Options;
using Npgsql;

namespace PhoneBooking.Storage.Postgres;

/// <summary>
/// The PostgreSQL database of a process: one <see cref="NpgsqlDataSource"/> (one pool) built from
/// <c>ConnectionStrings:Postgres</c>. Unless the connection string says otherwise, connecting and
/// waiting for a pooled connection give up after <see cref="DefaultTimeoutSeconds"/> s: an unreachable
/// server or an exhausted pool becomes an error the API answers with 503, never a hang.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const int DefaultTimeoutSeconds = 5;

    private static readonly string[] TimeoutKeys = ["Timeout", "Connect Timeout", "Connection Timeout"];

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(IOptions<StorageOptions> options)
        : this(options.Value.PostgresConnectionString ?? throw new InvalidOperationException($"ConnectionStrings:{StorageOptions.PostgresConnectionName} is not set."))
    {
    }

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!SetsTimeout(connectionString))
        {
            builder.Timeout = DefaultTimeoutSeconds;
        }

        Endpoint = PostgresEndpoint.HostAndPort(builder);
        Description = PostgresEndpoint.Describe(builder);
        _dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    /// <summary><c>host:port</c>, for messages.</summary>
    public string Endpoint { get; }

    /// <summary>host:port, database and user (no password), for messages.</summary>
    public string Description { get; }

    public NpgsqlDataSource DataSource => _dataSource;

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// After the server went away every idle pooled connection is dead: drop them all at once, so the
    /// next requests after a restart connect afresh instead of each finding a dead one.
    /// </summary>
    public void ClearPool() => _dataSource.Clear();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static bool SetsTimeout(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Any(key => TimeoutKeys.Contains(key, StringComparer.OrdinalIgnoreCase));
}
