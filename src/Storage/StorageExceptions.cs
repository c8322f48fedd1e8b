namespace PhoneBooking.Storage;

/// <summary>
/// The database cannot be used at start (folder not writable, file not a database, PostgreSQL
/// unreachable, schema newer than this build). The message is one line an operator can act on:
/// it names the folder, file or host:port, never a password. Hosts print it and exit non-zero.
/// </summary>
public class StorageStartupException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>The database holds a schema version this build does not know: a newer build migrated it.</summary>
public sealed class SchemaTooNewException(string message) : StorageStartupException(message);

/// <summary>The database could not take the work in time (SQLite writer slot, PostgreSQL pool): answered 503 with Retry-After.</summary>
public sealed class StorageBusyException(string message, Exception? innerException = null) : Exception(message, innerException);
