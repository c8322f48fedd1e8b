using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Storage;

namespace PhoneBooking.IvrHost.Sessions.Sqlite;

/// <summary>
/// The line's SQLite file (<c>sessions.db</c>): call sessions, and the tables other features of the
/// line keep beside them. Connection string, per-connection settings, and the in-process writer gate.
/// SQLite has one writer at a time; queueing this process's writers on an async semaphore keeps
/// write latency flat, while busy_timeout covers another process on the same file. Readers never wait (WAL).
/// </summary>
public sealed class SqliteSessionDatabase : IDisposable
{
    internal const string FileName = "sessions.db";

    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteSessionDatabase(DataDirectory data, IOptions<StorageOptions> storage)
    {
        FilePath = data.File(FileName);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true, DefaultTimeout = 10 }.ToString();
        _pragmas = $"PRAGMA busy_timeout = 5000; PRAGMA synchronous = {storage.Value.Synchronous.ToUpperInvariant()};";
    }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(_pragmas, cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs one write with this process's other writers queued behind it.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writerGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await write(connection);
        }
        finally
        {
            _writerGate.Release();
        }
    }

    public void Dispose() => _writerGate.Dispose();
}
