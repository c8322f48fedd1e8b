using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.Storage;
using PhoneBooking.Testing;
using PhoneBooking.Testing.Postgres;

namespace PhoneBooking.SchedulingApi.Tests.Support;

/// <summary>
/// The real API in-process on a real SQLite file in a temp folder — or, with <see cref="StorageProvider.Postgres"/>,
/// a fresh database on the test assembly's PostgreSQL cluster — with a manual clock and an in-memory log
/// sink. Restart keeps the data; a second instance shares it (two processes, one database).
/// </summary>
public sealed class TestApi : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly List<Instance> _others = [];
    private Instance _instance;

    private TestApi(Dictionary<string, string?> settings, string dataDirectory, PostgresServer? postgres)
    {
        _settings = settings;
        DataDirectory = dataDirectory;
        Postgres = postgres;
        _instance = new Instance(_settings, Clock, Logs);
    }

    /// <summary>The cluster of a PostgreSQL-backed API (null on SQLite); its database is <see cref="PostgresConnectionString"/>.</summary>
    public PostgresServer? Postgres { get; }

    public string? PostgresConnectionString => _settings.GetValueOrDefault("ConnectionStrings:Postgres");

    public ManualTimeProvider Clock { get; } = new(TestSettings.Start);

    public InMemoryLoggerProvider Logs { get; } = new();

    public string DataDirectory { get; }

    public HttpClient Client => _instance.Client;

    public IServiceProvider Services => _instance.Factory.Services;

    public Matcher Matcher => Services.GetRequiredService<Matcher>();

    public static async Task<TestApi> StartAsync(Action<Dictionary<string, string?>>? configure = null, StorageProvider provider = StorageProvider.Sqlite)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "scheduling-api-tests", Guid.NewGuid().ToString("N"));
        var settings = TestSettings.Default(dataDirectory);
        PostgresServer? postgres = null;
        if (provider == StorageProvider.Postgres)
        {
            postgres = await PostgresServer.SharedAsync();
            settings["Storage:Provider"] = "Postgres";
            settings["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync("api");
        }

        configure?.Invoke(settings);
        var api = new TestApi(settings, dataDirectory, postgres);
        _ = api.Client; // start the host now: migrations and seed
        return api;
    }

    public Task<MatcherPassResult> MatchAsync() => Matcher.RunOnceAsync();

    /// <summary>Stops the API and starts a new one on the same files (same clock).</summary>
    public async Task RestartAsync()
    {
        await _instance.DisposeAsync();
        _instance = new Instance(_settings, Clock, Logs);
        _ = _instance.Client;
    }

    /// <summary>Another API instance on the same database file, as a second process would be.</summary>
    public (HttpClient Client, Matcher Matcher) StartSecondInstance()
    {
        var other = new Instance(_settings, Clock, Logs);
        _others.Add(other);
        return (other.Client, other.Factory.Services.GetRequiredService<Matcher>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        await _instance.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Postgres is not null && PostgresConnectionString is { } database && Postgres == await PostgresServer.SharedAsync())
        {
            await Postgres.DropDatabaseAsync(database);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private sealed class Instance : IAsyncDisposable
    {
        private HttpClient? _client;

        public Instance(Dictionary<string, string?> settings, ManualTimeProvider clock, InMemoryLoggerProvider logs) =>
            Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Production");
                // UseSetting, not ConfigureAppConfiguration: the storage provider is read while services are registered.
                foreach (var (key, value) in settings)
                {
                    builder.UseSetting(key, value);
                }

                builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
                builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
            });

        public WebApplicationFactory<Program> Factory { get; }

        public HttpClient Client => _client ??= Factory.CreateClient();

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            await Factory.DisposeAsync();
        }
    }
}
