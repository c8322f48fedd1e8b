using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Storage.Sqlite;

/// <summary>
/// One SQLite file of a process (the API's <c>scheduling.db</c>, the line's <c>sessions.db</c>): its
/// connections, their settings, and the in-process writer gate. SQLite allows one writer at a time;
/// queuing this process's writers on an async semaphore, instead of letting them spin on SQLITE_BUSY,
/// keeps write latency flat, and busy_timeout covers another process on the same file. Readers never
/// wait (WAL, set by the migration runner: it is a property of the file). The file and its -wal/-shm
/// companions are readable by this user only (0600): they hold personal data.
/// </summary>
public sealed class SqliteDatabase : IDatabase, IDisposable
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private readonly TimeSpan _writerWait;
    private readonly string _pragmas;
    private readonly Lock _fileGate = new();
    private bool _fileReady;

    // Pooled connections keep their settings: apply them once per native connection, not per open.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public SqliteDatabase(DataDirectory data, IOptions<StorageOptions> options, string fileName)
    {
        var storage = options.Value;
        FilePath = data.File(fileName);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        _writerWait = TimeSpan.FromSeconds(storage.WriterWaitSeconds);
        _pragmas = $"PRAGMA synchronous = {storage.Synchronous.ToUpperInvariant()}; PRAGMA busy_timeout = 10000;";
    }

    public string FilePath { get; }

    public StorageProvider Provider => StorageProvider.Sqlite;

    public string Description => $"'{FilePath}'";

    public SqlDialect Sql => SqlDialect.Sqlite;

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        EnsurePrivateFile();
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!_configured.TryGetValue(connection.Handle!, out _))
            {
                await connection.ExecuteAsync(new CommandDefinition(_pragmas, cancellationToken: cancellationToken));
                _configured.AddOrUpdate(connection.Handle!, _pragmas);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes this process's writer slot; <see cref="StorageBusyException"/> when it stays taken for <c>Storage:WriterWaitSeconds</c>.</summary>
    public async Task<IDisposable> EnterWriterAsync(CancellationToken cancellationToken)
    {
        if (!await _writerGate.WaitAsync(_writerWait, cancellationToken))
        {
            throw new StorageBusyException($"No write slot on {FilePath} within {_writerWait.TotalSeconds} s.");
        }

        return new Releaser(_writerGate);
    }

    /// <summary>Runs one write (a statement, or a transaction the caller opens) holding the writer slot, on its own connection.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        using var writer = await EnterWriterAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        return await write(connection);
    }

    /// <summary>Runs <paramref name="work"/> in a BEGIN IMMEDIATE transaction: the write lock is taken up front, so a read-then-write cannot interleave with another writer's.</summary>
    public Task<T> InTransactionAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(
            async connection =>
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                var result = await work(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
                return result;
            },
            cancellationToken);

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await read(connection);
    }

    Task<T> IDatabase.WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken) =>
        WriteAsync<T>(connection => write(connection), cancellationToken);

    Task<T> IDatabase.InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        InTransactionAsync<T>((connection, transaction) => work(connection, transaction), cancellationToken);

    /// <summary>Nothing to take: the BEGIN IMMEDIATE transaction already holds the file's only write lock.</summary>
    public Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _writerGate.Dispose();

    /// <summary>
    /// Creates the file 0600 before SQLite does (SQLite would use the umask, typically 0644), or tightens
    /// an existing one. SQLite gives -wal and -shm the database file's mode.
    /// </summary>
    private void EnsurePrivateFile()
    {
        if (_fileReady || OperatingSystem.IsWindows())
        {
            return;
        }

        lock (_fileGate)
        {
            if (_fileReady)
            {
                return;
            }

            try
            {
                if (!File.Exists(FilePath))
                {
                    using (new FileStream(FilePath, new FileStreamOptions { Mode = System.IO.FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = FileMode }))
                    {
                    }
                }

                foreach (var path in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" }.Where(File.Exists))
                {
                    if ((File.GetUnixFileMode(path) & ~FileMode) != 0)
                    {
                        File.SetUnixFileMode(path, FileMode);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StorageStartupException($"The SQLite database '{FilePath}' could not be created: {ex.Message}", ex);
            }

            _fileReady = true;
        }
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
