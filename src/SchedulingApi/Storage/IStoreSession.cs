namespace PhoneBooking.SchedulingApi.Storage;

/// <summary>
/// The unit of work as the stores see it: one connection per scope, the SQL they run through it, and
/// the few things in which the providers differ. The stores (<c>Storage/Stores</c>) are one set for
/// both providers: SQLite and PostgreSQL accept the same SQL (upserts, RETURNING, partial indexes,
/// IS DISTINCT FROM) except for what is here.
/// </summary>
internal interface IStoreSession : IUnitOfWork
{
    /// <summary>
    /// Appended to a SELECT of rows this transaction will change, where other instances may be choosing
    /// rows at the same moment: PostgreSQL's <c> FOR UPDATE SKIP LOCKED</c> (each instance takes rows no
    /// other holds, and never waits for them). Empty on SQLite, whose single writer already excludes it.
    /// </summary>
    string SkipLocked { get; }

    /// <summary>
    /// Holds <paramref name="name"/> until this transaction ends, against every instance on the database
    /// (PostgreSQL: a transaction advisory lock). SQLite's write transaction already holds the whole file.
    /// </summary>
    Task LockAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// This transaction's buffer under <paramref name="key"/>: what is added to it is written by
    /// <paramref name="flush"/> just before the commit (still inside the transaction), or dropped with a rollback.
    /// </summary>
    List<T> CommitBuffer<T>(string key, Func<IReadOnlyList<T>, CancellationToken, Task> flush);

    Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken);

    Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken);

    Task<T> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken);

    Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken);
}
