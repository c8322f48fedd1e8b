using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PhoneBooking.IvrHost.AgentConsole;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.AgentConsole.Calls;
using PhoneBooking.IvrHost.AgentConsole.Storage;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Callbacks.Storage;
using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Outbound;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Storage;
using PhoneBooking.Testing;
using PhoneBooking.Testing.Postgres;

namespace PhoneBooking.IvrHost.Tests.Storage;

/// <summary>
/// Every store of the line, registered as the line registers them, on a freshly migrated database of either
/// provider: a SQLite file in a temp folder, or a new database on the test assembly's PostgreSQL cluster.
/// <see cref="OpenAnotherAsync"/> gives a second set of stores on the same database, as a second instance
/// (or a restarted one) would have. Reads and writes the tables directly too, as an operator (or someone
/// with a copy of the database) would.
/// </summary>
public sealed class LineStores : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Dictionary<string, string?> _settings;
    private readonly TempDirectory? _data;
    private readonly PostgresServer? _server;
    private readonly List<LineStores> _others = [];

    private LineStores(Dictionary<string, string?> settings, ManualTimeProvider clock, TempDirectory? data, PostgresServer? server)
    {
        _settings = settings;
        _data = data;
        _server = server;
        Clock = clock;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestEnvironment(data?.Path ?? Path.GetTempPath()))
            .AddSingleton<TimeProvider>(clock)
            .AddLogging(logging => logging.AddProvider(Logs))
            .AddLineStorage(configuration)
            .AddFeatureSchema(CallSessionsServiceCollectionExtensions.Schema)
            .AddFeatureSchema(CallbacksServiceCollectionExtensions.Schema)
            .AddFeatureSchema(DeferredServiceCollectionExtensions.Schema)
            .AddFeatureSchema(HandoffsServiceCollectionExtensions.Schema)
            .AddFeatureSchema(AgentConsoleSchema.Schema)
            .AddFeatureSchema(OutboundServiceCollectionExtensions.Schema);
        services.AddOptions<SessionsOptions>().Bind(configuration.GetSection(SessionsOptions.SectionName));
        services.AddOptions<LineOptions>();
        services.AddOptions<AgentConsoleOptions>();
        services.AddHttpContextAccessor();
        services.AddMetrics();
        services.AddSingleton<CallerKeys>();
        services.AddSingleton<ICallSessionStore, CallSessionStore>();
        services.AddSingleton<ICallbackRequests, CallbackRequests>();
        services.AddSingleton<ICallbackQueue, CallbackQueue>();
        services.AddSingleton<IOfferFeedStore, OfferFeedStore>();
        services.AddSingleton<IDialPacer, DialPacer>();
        services.AddSingleton<IDeferredRequestStore, DeferredRequestStore>();
        services.AddSingleton<IHandoffDesk, HandoffDesk>();
        services.AddSingleton<AgentConsoleMetrics>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton<ClaimActivity>();
        services.AddSingleton<AgentBookingStore>();
        services.AddSingleton<TextLedger>();
        services.AddSingleton(sp => new DatabaseXmlRepository(sp.GetRequiredService<IDatabase>()));
        _services = services.BuildServiceProvider();
    }

    public ManualTimeProvider Clock { get; }

    public InMemoryLoggerProvider Logs { get; } = new();

    public StorageProvider Provider => Get<IDatabase>().Provider;

    /// <summary>The settings a line host needs to use this database (provider, connection or folder, keys).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public static async Task<LineStores> StartAsync(StorageProvider provider, ManualTimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Encryption:Keys:{LineTestStorage.EncryptionKeyId}"] = LineTestStorage.EncryptionKey,
            ["Sessions:CallerKeySecret"] = LineTestStorage.CallerKeySecret,
        };
        TempDirectory? data = null;
        PostgresServer? server = null;
        if (provider == StorageProvider.Postgres)
        {
            server = await PostgresServer.SharedAsync();
            settings["Storage:Provider"] = "Postgres";
            settings["ConnectionStrings:Postgres"] = await server.CreateDatabaseAsync("line");
        }
        else
        {
            data = new TempDirectory();
            settings["Storage:DataDirectory"] = data.Path;
        }

        var stores = new LineStores(settings, clock ?? new ManualTimeProvider(), data, server);
        await stores.MigrateAsync();
        return stores;
    }

    /// <summary>A second set of stores on the same database (another instance, or this one after a restart), on the same clock.</summary>
    public async Task<LineStores> OpenAnotherAsync()
    {
        var other = new LineStores(_settings, Clock, data: null, server: null);
        await other.MigrateAsync();
        _others.Add(other);
        return other;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Every value of every text column of <paramref name="table"/>, as stored: what a copy of the database shows.</summary>
    public async Task<string> RawTextAsync(string table)
    {
        await using var connection = OpenRaw();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }

        return string.Join('\n', values);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = OpenRaw();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = OpenRaw();
        await connection.ExecuteAsync(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        await _services.DisposeAsync();
        if (_server is not null && _settings["ConnectionStrings:Postgres"] is { } database)
        {
            await _server.DropDatabaseAsync(database);
        }

        SqliteConnection.ClearAllPools();
        _data?.Dispose();
    }

    private Task MigrateAsync() => Get<StorageStartup>().EnsureMigratedAsync(CancellationToken.None);

    private DbConnection OpenRaw() => _settings.GetValueOrDefault("ConnectionStrings:Postgres") is { } postgres
        ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ConnectionString)
        : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_settings["Storage:DataDirectory"]!, LineStorage.SqliteFileName), Pooling = false }.ConnectionString);

    private sealed class TestEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "PhoneBooking.IvrHost";

        public string ContentRootPath { get; set; } = contentRoot;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
