using Dapper;
using Microsoft.Data.Sqlite;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

/// <summary>One connection per scope; at most one write transaction open at a time, holding this process's writer slot.</summary>
internal sealed class SqliteUnitOfWork(SqliteDatabase database) : IStoreSession, IAsyncDisposable
{
    private readonly CommitHooks _hooks = new();
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;
    private IDisposable? _writer;

    public bool InTransaction => _transaction is not null;

    public string SkipLocked => "";

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A write transaction is already open in this scope.");
        }

        _writer = await database.EnterWriterAsync(cancellationToken);
        try
        {
            var connection = await ConnectionAsync(cancellationToken);
            _transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: take the write lock now
        }
        catch
        {
            ReleaseWriter();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No write transaction is open.");
        await _hooks.RunBeforeAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await EndTransactionAsync();
        _hooks.RunAfter();
    }

    public async Task RollbackAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
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

    /// <summary>The write transaction holds the whole file: nothing more to take.</summary>
    public Task LockAsync(string name, CancellationToken cancellationToken) =>
        _transaction is null ? throw new InvalidOperationException($"The lock '{name}' needs an open transaction.") : Task.CompletedTask;

    public async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        await (await ConnectionAsync(cancellationToken)).QueryAsync<T>(Command(sql, parameters, cancellationToken));

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        await (await ConnectionAsync(cancellationToken)).QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));

    public async Task<T> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        (await (await ConnectionAsync(cancellationToken)).ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken)))!;

    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        await (await ConnectionAsync(cancellationToken)).ExecuteAsync(Command(sql, parameters, cancellationToken));

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

    private async ValueTask<SqliteConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await database.OpenAsync(cancellationToken);

    private async Task EndTransactionAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        ReleaseWriter();
    }

    private void ReleaseWriter()
    {
        _writer?.Dispose();
        _writer = null;
    }
}
