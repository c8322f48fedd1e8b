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
/// <see cref="Client"/> speaks as the bench client (every scope, no rate limits), so tests of the
/// contract are not tests of the limits; <see cref="ClientWithKey"/> speaks as anyone else.
/// </summary>
public sealed class TestApi : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly List<Instance> _others = [];
    private Instance _instance;

    private readonly string _environment;
    private readonly bool _ownsDataDirectory;

    private TestApi(Dictionary<string, string?> settings, string dataDirectory, PostgresServer? postgres, string environment, bool ownsDataDirectory)
    {
        _ownsDataDirectory = ownsDataDirectory;
        _settings = settings;
        _environment = environment;
        DataDirectory = dataDirectory;
        Postgres = postgres;
        _instance = new Instance(_settings, Clock, Logs, environment);
    }

    /// <summary>The cluster of a PostgreSQL-backed API (null on SQLite); its database is <see cref="PostgresConnectionString"/>.</summary>
    public PostgresServer? Postgres { get; }

    public string? PostgresConnectionString => _settings.GetValueOrDefault("ConnectionStrings:Postgres");

    public ManualTimeProvider Clock { get; } = new(TestSettings.Start);

    public InMemoryLoggerProvider Logs { get; } = new();

    public string DataDirectory { get; }

    public HttpClient Client => _instance.Client;

    /// <summary>A client sending <paramref name="apiKey"/> (null: no key at all, as an anonymous attacker).</summary>
    public HttpClient ClientWithKey(string? apiKey) => _instance.NewClient(apiKey);

    public IServiceProvider Services => _instance.Factory.Services;

    public Matcher Matcher => Services.GetRequiredService<Matcher>();

    /// <param name="dataDirectory">Where the files go (default: a new temp folder, deleted at the end; a given one is left).</param>
    public static async Task<TestApi> StartAsync(
        Action<Dictionary<string, string?>>? configure = null,
        StorageProvider provider = StorageProvider.Sqlite,
        string environment = "Production",
        string? dataDirectory = null)
    {
        var owned = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "scheduling-api-tests", Guid.NewGuid().ToString("N"));
        var settings = TestSettings.Default(dataDirectory);
        PostgresServer? postgres = null;
        if (provider == StorageProvider.Postgres)
        {
            postgres = await PostgresServer.SharedAsync();
            settings["Storage:Provider"] = "Postgres";
            settings["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync("api");
        }

        configure?.Invoke(settings);
        var api = new TestApi(settings, dataDirectory, postgres, environment, owned);
        _ = api.Client; // start the host now: migrations and seed
        return api;
    }

    public Task<MatcherPassResult> MatchAsync() => Matcher.RunOnceAsync();

    /// <summary>
    /// Another API, configured as this one plus <paramref name="configure"/>, on this one's files or database
    /// (a redeploy with new settings); this one still owns, and removes, the data.
    /// </summary>
    public Task<TestApi> StartOnTheSameStorageAsync(Action<Dictionary<string, string?>> configure)
    {
        var settings = new Dictionary<string, string?>(_settings);
        configure(settings);
        var api = new TestApi(settings, DataDirectory, postgres: null, _environment, ownsDataDirectory: false);
        _ = api.Client;
        return Task.FromResult(api);
    }

    /// <summary>Stops the API and starts a new one on the same files (same clock).</summary>
    public async Task RestartAsync()
    {
        await _instance.DisposeAsync();
        _instance = new Instance(_settings, Clock, Logs, _environment);
        _ = _instance.Client;
    }

    /// <summary>Another API instance on the same database file, as a second process would be; its client sends <paramref name="apiKey"/>.</summary>
    public (HttpClient Client, Matcher Matcher) StartSecondInstance(string apiKey = TestSettings.BenchKey)
    {
        var other = new Instance(_settings, Clock, Logs, _environment);
        _others.Add(other);
        return (other.NewClient(apiKey), other.Factory.Services.GetRequiredService<Matcher>());
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

        if (!_ownsDataDirectory)
        {
            return;
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

        public Instance(Dictionary<string, string?> settings, ManualTimeProvider clock, InMemoryLoggerProvider logs, string environment) =>
            Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment(environment);
                // UseSetting, not ConfigureAppConfiguration: the storage provider is read while services are registered.
                foreach (var (key, value) in settings)
                {
                    builder.UseSetting(key, value);
                }

                builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
                builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
            });

        public WebApplicationFactory<Program> Factory { get; }

        public HttpClient Client => _client ??= NewClient(TestSettings.BenchKey);

        public HttpClient NewClient(string? apiKey)
        {
            var client = Factory.CreateClient();
            if (apiKey is not null)
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            }

            return client;
        }

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            await Factory.DisposeAsync();
        }
    }
}
