using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

/// <summary>
/// The SQLite file: connection string, per-connection settings, and the in-process writer gate.
/// SQLite allows one writer at a time; queuing writers on an async semaphore instead of letting them
/// spin on SQLITE_BUSY keeps write latency flat. Readers never wait (WAL).
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private readonly string _pragmas;
    private readonly TimeSpan _writerWait;

    // Pooled connections keep their settings: apply them once per native connection, not per open.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public SqliteDatabase(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var storage = options.Value;
        var directory = Path.GetFullPath(storage.DataDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, StorageOptions.DatabaseFileName);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        // busy_timeout covers a second process on the same file (the gate only covers this one).
        _writerWait = TimeSpan.FromSeconds(storage.WriterWaitSeconds);
        _pragmas = $"PRAGMA synchronous = {storage.Synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout = 10000;";
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!_configured.TryGetValue(connection.Handle!, out _))
            {
                await connection.ExecuteAsync(_pragmas);
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

    public async Task<IDisposable> EnterWriterAsync(CancellationToken cancellationToken)
    {
        if (!await _writerGate.WaitAsync(_writerWait, cancellationToken))
        {
            throw new StorageBusyException($"No write slot within {_writerWait.TotalSeconds} s.");
        }

        return new Releaser(_writerGate);
    }

    public void Dispose() => _writerGate.Dispose();

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
