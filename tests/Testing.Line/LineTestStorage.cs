using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.Storage;
using PhoneBooking.Testing.Postgres;

namespace PhoneBooking.Testing.Line;

/// <summary>
/// The provider the line's host tests run on: <c>PHONEBOOKING_TEST_STORAGE</c> (<c>Sqlite</c> when unset), as for
/// the API's. On PostgreSQL each data folder stands for one database on the assembly's cluster: hosts started on
/// one folder (a second instance, a restart) share its database, as they would share its SQLite file.
/// </summary>
public static class LineTestStorage
{
    public const string Variable = "PHONEBOOKING_TEST_STORAGE";

    /// <summary>The line's at-rest key in these tests (base64 of 32 bytes) and its id.</summary>
    public const string EncryptionKeyId = "test-2026";

    public const string EncryptionKey = "dGVzdC1saW5lLWVuY3J5cHRpb24ta2V5LTAwMDAwMDA=";

    public const string CallerKeySecret = "test-caller-key-secret-000000000000";

    private static readonly ConcurrentDictionary<string, Lazy<string>> Databases = new(StringComparer.Ordinal);

    public static StorageProvider Provider { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } name
        ? Enum.Parse<StorageProvider>(name, ignoreCase: true)
        : StorageProvider.Sqlite;

    /// <summary>The secrets every instance on one PostgreSQL database shares, from configuration as in production.</summary>
    public static IReadOnlyDictionary<string, string?> SharedKeys { get; } = new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        [$"Encryption:Keys:{EncryptionKeyId}"] = EncryptionKey,
        ["Sessions:CallerKeySecret"] = CallerKeySecret,
        ["Security:HmacKey"] = "dGVzdC1lbWJlZGRlZC1hcGktaG1hYy1rZXktMDAwMDA=",
    };

    /// <summary>What a line host needs on PostgreSQL besides its other settings: the database of <paramref name="dataDirectory"/> and the keys every instance shares.</summary>
    public static IReadOnlyDictionary<string, string?> PostgresSettings(string dataDirectory) =>
        new Dictionary<string, string?>(SharedKeys) { ["ConnectionStrings:Postgres"] = DatabaseOf(dataDirectory) };

    /// <summary>A connection (not pooled, not open) to what a host with these settings stores in: its SQLite file or its PostgreSQL database.</summary>
    public static DbConnection OpenRaw(IReadOnlyDictionary<string, string?> settings, string file = LineStorage.SqliteFileName) =>
        settings.GetValueOrDefault("ConnectionStrings:Postgres") is { } postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(settings["Storage:DataDirectory"]!, file), Pooling = false }.ConnectionString);

    /// <summary>What a host on <paramref name="dataDirectory"/> stores in, on the run's provider (<see cref="Provider"/>).</summary>
    public static DbConnection OpenRaw(string dataDirectory, string file = LineStorage.SqliteFileName) => OpenRaw(dataDirectory, Provider, file);

    /// <summary>What a host on <paramref name="dataDirectory"/> stores in, on <paramref name="provider"/>.</summary>
    public static DbConnection OpenRaw(string dataDirectory, StorageProvider provider, string file = LineStorage.SqliteFileName) =>
        OpenRaw(provider == StorageProvider.Postgres
            ? new Dictionary<string, string?>(PostgresSettings(dataDirectory)) { ["Storage:DataDirectory"] = dataDirectory }
            : new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory }, file);

    private static string DatabaseOf(string dataDirectory) =>
        Databases.GetOrAdd(Path.GetFullPath(dataDirectory), _ => new Lazy<string>(() => PostgresServer.SharedAsync().GetAwaiter().GetResult().CreateDatabaseAsync("line").GetAwaiter().GetResult())).Value;
}
