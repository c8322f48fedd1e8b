using Microsoft.Data.Sqlite;
using Npgsql;

namespace PhoneBooking.Storage;

/// <summary>
/// Which database failures are not bugs: the database is busy, full or out of reach (answer 503 with
/// Retry-After, the caller retries), or two transactions collided (retry the whole transaction).
/// One place, so the API, the line and their tests agree on what "unavailable" means.
/// </summary>
public static class StorageErrors
{
    // SQLite result codes: https://sqlite.org/rescode.html
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>The work failed for a reason outside the request: the same request later will likely succeed.</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        StorageBusyException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCantOpen,
        PostgresException postgres => IsUnavailableState(postgres.SqlState) || IsConflictState(postgres.SqlState)
            || postgres.SqlState == PostgresErrorCodes.UniqueViolation, // two instances raced for one generated code or key
        NpgsqlException => true, // no server answer at all: refused, reset, timed out, pool exhausted
        _ => false,
    };

    /// <summary>A deadlock or serialization failure: the database rolled the transaction back, and running it again is safe.</summary>
    public static bool IsConflict(Exception exception) =>
        exception is PostgresException postgres && IsConflictState(postgres.SqlState);

    /// <summary>
    /// The server went away (refused, reset, shut down): every idle pooled connection is dead too.
    /// Not a timeout or an exhausted pool: the server is still there.
    /// </summary>
    public static bool IsConnectionLost(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException npgsql => Causes(npgsql).Any(cause => cause is IOException or System.Net.Sockets.SocketException),
        _ => false,
    };

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var cause = exception.InnerException; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }

    /// <summary>Class 08 connection exception, 53 insufficient resources (too many connections, disk full), 57P0x server shutting down.</summary>
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal);

    private static bool IsConflictState(string state) =>
        state is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;
}
