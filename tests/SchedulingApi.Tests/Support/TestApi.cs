using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingApi.Tests.Support;

/// <summary>
/// The real API in-process on a real SQLite file in a temp folder, with a manual clock and an
/// in-memory log sink. Restart keeps the folder; a second instance shares it (two processes, one file).
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

    private TestApi(Dictionary<string, string?> settings, string dataDirectory, string environment, bool ownsDataDirectory)
    {
        _ownsDataDirectory = ownsDataDirectory;
        _settings = settings;
        _environment = environment;
        DataDirectory = dataDirectory;
        _instance = new Instance(_settings, Clock, Logs, environment);
    }

    public ManualTimeProvider Clock { get; } = new(TestSettings.Start);

    public InMemoryLoggerProvider Logs { get; } = new();

    public string DataDirectory { get; }

    public HttpClient Client => _instance.Client;

    /// <summary>A client sending <paramref name="apiKey"/> (null: no key at all, as an anonymous attacker).</summary>
    public HttpClient ClientWithKey(string? apiKey) => _instance.NewClient(apiKey);

    public IServiceProvider Services => _instance.Factory.Services;

    public Matcher Matcher => Services.GetRequiredService<Matcher>();

    /// <param name="dataDirectory">Where the files go (default: a new temp folder, deleted at the end; a given one is left).</param>
    public static Task<TestApi> StartAsync(Action<Dictionary<string, string?>>? configure = null, string environment = "Production", string? dataDirectory = null)
    {
        var owned = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "scheduling-api-tests", Guid.NewGuid().ToString("N"));
        var settings = TestSettings.Default(dataDirectory);
        configure?.Invoke(settings);
        var api = new TestApi(settings, dataDirectory, environment, owned);
        _ = api.Client; // start the host now: migrations and seed
        return Task.FromResult(api);
    }

    public Task<MatcherPassResult> MatchAsync() => Matcher.RunOnceAsync();

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
                builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
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
