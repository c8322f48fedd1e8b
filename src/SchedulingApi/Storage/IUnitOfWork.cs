namespace PhoneBooking.SchedulingApi.Storage;

/// <summary>
/// The database transaction of one HTTP request or one matcher step (scoped). Stores join it, so a
/// request, its idempotency record and its events commit together or not at all.
/// </summary>
public interface IUnitOfWork
{
    bool InTransaction { get; }

    /// <summary>Starts a write transaction; on SQLite this takes the single writer lock.</summary>
    Task BeginAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync();

    /// <summary>Runs <paramref name="action"/> once the current transaction has committed (metrics, logs, waking the matcher).</summary>
    void AfterCommit(Action action);
}
