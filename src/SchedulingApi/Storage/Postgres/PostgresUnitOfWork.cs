using Dapper;
using Npgsql;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Postgres;

namespace PhoneBooking.SchedulingApi.Storage.Postgres;

/// <summary>
/// One pooled connection per scope, taken on first use; transactions are READ COMMITTED. Many instances
/// write at once, so the stores claim rows with <see cref="SkipLocked"/>, serialize per key with
/// <see cref="LockAsync"/>, and rely on conditional UPDATEs (a concurrent writer's change is re-checked
/// against the WHERE clause before the row is touched). When the server goes away the pool is cleared,
/// so requests after a restart connect afresh.
/// </summary>
internal sealed class PostgresUnitOfWork(PostgresDatabase database) : IStoreSession, IAsyncDisposable
{
    private readonly CommitHooks _hooks = new();
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;

    public bool InTransaction => _transaction is not null;

    public string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open in this scope.");
        }

        _transaction = await Guard(async () => await (await ConnectionAsync(cancellationToken)).BeginTransactionAsync(cancellationToken));
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction is open.");
        await _hooks.RunBeforeAsync(cancellationToken);
        await Guard(async () =>
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        });
        await EndTransactionAsync();
        _hooks.RunAfter();
    }

    public async Task RollbackAsync()
    {
        if (_transaction is not null)
        {
            try
            {
                await _transaction.RollbackAsync();
            }
            catch (Exception ex) when (ex is ObjectDisposedException || StorageErrors.IsConnectionLost(ex))
            {
                // The connection broke (Npgsql disposed the transaction with it): the server rolled it back.
            }

            await EndTransactionAsync();
        }

        _hooks.Clear();
    }

    public void AfterCommit(Action action)
    {
        if (_transaction is null)
        {
            action();
            return;
        }

        _hooks.After(action);
    }

    public List<T> CommitBuffer<T>(string key, Func<IReadOnlyList<T>, CancellationToken, Task> flush) =>
        _transaction is null
            ? throw new InvalidOperationException($"The buffer '{key}' needs an open transaction.")
            : _hooks.Buffer(key, flush);

    public Task LockAsync(string name, CancellationToken cancellationToken) =>
        _transaction is null
            ? throw new InvalidOperationException($"The lock '{name}' needs an open transaction.")
            : ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", new { name }, cancellationToken);

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Guard(async () => await (await ConnectionAsync(cancellationToken)).QueryAsync<T>(Command(sql, parameters, cancellationToken)));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Guard(async () => await (await ConnectionAsync(cancellationToken)).QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken)));

    public Task<T> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Guard(async () => (await (await ConnectionAsync(cancellationToken)).ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken)))!);

    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        Guard(async () => await (await ConnectionAsync(cancellationToken)).ExecuteAsync(Command(sql, parameters, cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);

    private async ValueTask<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await database.OpenAsync(cancellationToken);

    /// <summary>A lost server kills every pooled connection: drop them, so the next scope connects afresh.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (StorageErrors.IsConnectionLost(ex))
        {
            database.ClearPool();
            throw;
        }
    }

    private async Task EndTransactionAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }
}
