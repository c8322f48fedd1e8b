using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PhoneBooking.Storage.Postgres;

/// <summary>
/// The PostgreSQL database of a process: one <see cref="NpgsqlDataSource"/> (one pool) built from
/// <c>ConnectionStrings:Postgres</c>. Unless the connection string says otherwise, connecting and
/// waiting for a pooled connection give up after <see cref="DefaultTimeoutSeconds"/> s: an unreachable
/// server or an exhausted pool becomes an error the API answers with 503, never a hang. As an
/// <see cref="IDatabase"/> it clears the pool whenever the server went away, so work after a restart
/// connects afresh instead of finding each dead pooled connection one by one.
/// </summary>
public sealed class PostgresDatabase : IDatabase, IAsyncDisposable
{
    public const int DefaultTimeoutSeconds = 5;

    /// <summary>How often a transaction the server rolled back for a deadlock or serialization failure is run again.</summary>
    private const int ConflictRetries = 3;

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

    public StorageProvider Provider => StorageProvider.Postgres;

    string IDatabase.Description => $"PostgreSQL at {Description}";

    public SqlDialect Sql => SqlDialect.Postgres;

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// After the server went away every idle pooled connection is dead: drop them all at once, so the
    /// next requests after a restart connect afresh instead of each finding a dead one.
    /// </summary>
    public void ClearPool() => _dataSource.Clear();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken) => OnConnectionAsync(read, cancellationToken);

    public Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken) => OnConnectionAsync(write, cancellationToken);

    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await OnConnectionAsync(
                    async connection =>
                    {
                        await using var transaction = await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
                        var result = await work(connection, transaction);
                        await transaction.CommitAsync(cancellationToken);
                        return result;
                    },
                    cancellationToken);
            }
            catch (PostgresException ex) when (StorageErrors.IsConflict(ex) && attempt <= ConflictRetries)
            {
                // Rolled back by the server: nothing of it stays, so running it again is safe.
            }
        }
    }

    public Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", new { name }, transaction, cancellationToken: cancellationToken));

    private async Task<T> OnConnectionAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await work(connection);
        }
        catch (Exception ex) when (StorageErrors.IsConnectionLost(ex))
        {
            ClearPool();
            throw;
        }
    }

    private static bool SetsTimeout(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Any(key => TimeoutKeys.Contains(key, StringComparer.OrdinalIgnoreCase));
}
