namespace PhoneBooking.Storage;

public enum StorageProvider
{
    /// <summary>One file per process in the data folder: one machine, the README's default.</summary>
    Sqlite,

    /// <summary>One database shared by every instance: scale-out.</summary>
    Postgres,
}

/// <summary>
/// Section <c>Storage</c>, the same for the scheduling API and the line (the line's embedded API reads
/// the line's section): which provider, where SQLite files go, and how long a write waits for the
/// database. PostgreSQL's address is <c>ConnectionStrings:Postgres</c> (Npgsql syntax), not a key here.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The name under <c>ConnectionStrings</c>.</summary>
    public const string PostgresConnectionName = "Postgres";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>, case-insensitive.</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary>Folder of the SQLite files and the line's key files; relative paths resolve against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// SQLite <c>synchronous</c>: <c>Normal</c> (WAL's usual choice) survives a process crash;
    /// <c>Full</c> also survives power loss, at one fsync per commit.
    /// </summary>
    public string Synchronous { get; set; } = "Normal";

    /// <summary>How long a write waits for SQLite's single writer before giving up (the API answers 503, never hangs).</summary>
    public int WriterWaitSeconds { get; set; } = 15;

    /// <summary><c>ConnectionStrings:Postgres</c>, filled in from configuration; holds a password: never log or quote it whole.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The provider named by <see cref="Provider"/>; SQLite when the name is unknown (validation refuses it first).</summary>
    public StorageProvider ProviderKind =>
        Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider : StorageProvider.Sqlite;
}
