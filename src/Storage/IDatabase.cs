using System.Data.Common;

namespace PhoneBooking.Storage;

/// <summary>
/// A process's database as long-lived stores use it (the line's: sessions, callbacks, console…): short
/// units of work on their own pooled connection, on either provider. The SQL is the stores' own and
/// runs on both (upserts, RETURNING, partial indexes); <see cref="Sql"/> holds the few words that differ.
/// </summary>
public interface IDatabase
{
    StorageProvider Provider { get; }

    /// <summary>For messages: the SQLite file, or PostgreSQL's host:port, database and user (never the password).</summary>
    string Description { get; }

    SqlDialect Sql { get; }

    /// <summary>Runs reads on a connection of their own (no transaction: each statement sees committed data).</summary>
    Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>Runs one write (a statement, or statements that need no isolation from each other) on a connection of its own.</summary>
    Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns. SQLite: BEGIN IMMEDIATE (the
    /// file's write lock up front: a read-then-write cannot interleave with another writer's). PostgreSQL:
    /// READ COMMITTED, so <paramref name="work"/> takes the locks its read-then-write needs (<see cref="LockAsync"/>,
    /// <see cref="SqlDialect.ForUpdate"/>); a transaction the server rolled back for a deadlock or a serialization
    /// failure is run again, so <paramref name="work"/> must have no effect outside the database.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Holds <paramref name="name"/> until the transaction ends, against every process on the database
    /// (PostgreSQL: a transaction advisory lock; SQLite's write transaction already holds the whole file).
    /// </summary>
    Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken);
}

/// <summary>What the stores' SQL says differently on each provider.</summary>
/// <param name="True">A boolean column's true, as a literal (a partial index is only used for a literal condition).</param>
/// <param name="ForUpdate">Appended to a SELECT of rows this transaction will change: locks them on PostgreSQL; nothing on SQLite.</param>
/// <param name="SkipLocked">Appended to a SELECT choosing rows to claim: PostgreSQL skips rows another instance holds; nothing on SQLite.</param>
/// <param name="ArrayParameters">Dapper passes a list parameter as one array on PostgreSQL (<c>= ANY(@ids)</c>), and expands it on SQLite (<c>IN @ids</c>).</param>
public sealed record SqlDialect(string True, string ForUpdate, string SkipLocked, bool ArrayParameters)
{
    public static readonly SqlDialect Sqlite = new("1", "", "", ArrayParameters: false);

    public static readonly SqlDialect Postgres = new("true", " FOR UPDATE", " FOR UPDATE SKIP LOCKED", ArrayParameters: true);

    /// <summary>The condition "<paramref name="column"/> is one of the list parameter <paramref name="parameter"/>" (without the @).</summary>
    public string InList(string column, string parameter) => ArrayParameters ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";
}
