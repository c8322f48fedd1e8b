using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Callbacks.Dialer;
using PhoneBooking.Storage;

namespace PhoneBooking.Testing.Line;

/// <summary>
/// The line hosted in-process for a test: the one way every test project starts it. By default an in-memory test
/// server in Development, its own temp data folder, an in-memory log sink, the run's storage provider
/// (<see cref="LineTestStorage"/>), the dialer off, and the scheduling API "external" at a closed loopback port so
/// nothing starts alongside. A test composes the rest before the first use (or <see cref="Start"/>):
/// <see cref="OnLoopback"/> (real Kestrel sockets), the API (<c>embeddedApi</c> as <c>dotnet run</c> has it, or
/// <see cref="WithApi"/>: a fault server, WireMock, a real API host), <see cref="WithClock"/> or
/// <see cref="WithCallbackClock"/>, <see cref="WithTwilio"/>, <see cref="WithConsoleAccounts"/>,
/// <see cref="WithSeniorsOpen"/>, <see cref="WithSettings"/> and <see cref="WithServices"/>.
/// </summary>
public sealed class IvrHostFactory : WebApplicationFactory<Program>
{
    /// <summary>Port 9 (discard) on loopback: nothing listens there.</summary>
    public const string UnreachableApi = "http://127.0.0.1:9/";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly List<Action<IServiceCollection>> _services = [];
    private bool _loopback;

    /// <param name="settings">The host's settings; <c>Storage:DataDirectory</c> here replaces the temp folder (a restart, a second instance).</param>
    /// <param name="embeddedApi">Leave <c>Scheduling:BaseUrl</c> unset: the reference API runs inside the line, as with <c>dotnet run</c>.</param>
    /// <param name="provider">SQLite or PostgreSQL (the data folder's database); the run's provider when null.</param>
    public IvrHostFactory(IDictionary<string, string?>? settings = null, bool embeddedApi = false, string environment = "Development", StorageProvider? provider = null)
    {
        _environment = environment;
        _settings = new(settings ?? new Dictionary<string, string?>());
        _settings.TryAdd("Storage:DataDirectory", Data.Path);
        Provider = provider ?? LineTestStorage.Provider;
        if (Provider == StorageProvider.Postgres)
        {
            // A test that brings its own server keeps it; otherwise the data folder's database on the assembly's cluster.
            var postgres = _settings.ContainsKey("ConnectionStrings:Postgres") ? LineTestStorage.SharedKeys : LineTestStorage.PostgresSettings(_settings["Storage:DataDirectory"]!);
            foreach (var (key, value) in postgres)
            {
                _settings.TryAdd(key, value);
            }
        }

        // Budgets for a test host sharing 2 cores with a build: a cold first call to the embedded API
        // (JIT, SQLite open) can take longer than a phone call's 1.5 s. Fault tests set their own.
        _settings.TryAdd("Scheduling:AttemptTimeout", "00:00:06");
        _settings.TryAdd("Scheduling:TotalTimeout", "00:00:12");

        // No balancer to wait for: a disposed test host stops at once (GracefulShutdownTests run the real drain).
        _settings.TryAdd("Shutdown:DrainDelay", "00:00:00");

        // Work a test leaves hanging (a webhook or a deferred submission waiting on a hung API, whose budget runs on
        // the test's manual clock) is finished, not cancelled, at shutdown: bound the wait as a deploy would.
        _settings.TryAdd("Shutdown:Timeout", "00:00:05");

        // The door's latency limit has its own tests (IvrHost.Tests/Admission, on a test clock): a test host sharing 2 cores with a
        // build must not turn a test's new caller away because its last webhooks were slow.
        _settings.TryAdd("Admission:MaxWebhookLatency", "00:00:15");

        // The dialer would call back what a test saves (and read the API's feed): tests that want it turn it on.
        _settings.TryAdd("Callbacks:DialerEnabled", "false");
        if (!embeddedApi)
        {
            _settings.TryAdd("Scheduling:BaseUrl", UnreachableApi);
        }
    }

    public TempDirectory Data { get; } = new();

    public StorageProvider Provider { get; }

    /// <summary>The settings the host starts with (its storage among them).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public string DataDirectory => _settings["Storage:DataDirectory"]!;

    public InMemoryLoggerProvider Logs { get; } = new();

    /// <summary>Where the line answers once started: <c>http://127.0.0.1:port/</c> on loopback, the test server's otherwise.</summary>
    public Uri BaseAddress { get; private set; } = new("http://localhost/");

    public static IvrHostFactory WithEmbeddedApi(IDictionary<string, string?>? settings = null, StorageProvider? provider = null) => new(settings, embeddedApi: true, provider: provider);

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Real sockets: Kestrel on 127.0.0.1 (a browser, the softphone, per-address throttling need them). Port 0 picks a free one; a restart passes the old one.</summary>
    public IvrHostFactory OnLoopback(int port = 0)
    {
        _loopback = true;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        return this;
    }

    /// <summary>The scheduling API at <paramref name="baseUrl"/>: a fault server, a WireMock stub or a real API host.</summary>
    public IvrHostFactory WithApi(Uri baseUrl) => WithSettings(new Dictionary<string, string?> { ["Scheduling:BaseUrl"] = baseUrl.ToString() });

    /// <summary>Twilio's REST API at <paramref name="baseUrl"/> (<see cref="TwilioApiStub"/>, the softphone's cloud).</summary>
    public IvrHostFactory WithTwilio(Uri baseUrl) => WithSettings(new Dictionary<string, string?> { ["Twilio:ApiBaseUrl"] = baseUrl.ToString() });

    /// <summary>Settings over the ones given so far.</summary>
    public IvrHostFactory WithSettings(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        return this;
    }

    /// <summary>The console's test accounts (<see cref="ConsoleAccounts"/>) where the settings name none of their own.</summary>
    public IvrHostFactory WithConsoleAccounts()
    {
        foreach (var (key, value) in ConsoleAccounts.Settings())
        {
            _settings.TryAdd(key, value);
        }

        return this;
    }

    /// <summary>The seniors' group open since 30 days before today (born on or before 1956-12-31), everyone else later.</summary>
    public IvrHostFactory WithSeniorsOpen()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        return WithSettings(new Dictionary<string, string?>
        {
            ["Eligibility:Cohorts:0:Name"] = "seniors",
            ["Eligibility:Cohorts:0:BornOnOrBefore"] = "1956-12-31",
            ["Eligibility:Cohorts:0:OpensOn"] = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Eligibility:Cohorts:1:Name"] = "everyone-else",
        });
    }

    /// <summary>The whole line on <paramref name="clock"/>: the API's health, budgets, timers, the console's sessions.</summary>
    public IvrHostFactory WithClock(TimeProvider clock) => WithServices(services => services.AddSingleton<TimeProvider>(clock));

    /// <summary>
    /// <paramref name="clock"/> drives the dialer and its calls only; the line's other timers (health probe, purger)
    /// keep real time, so moving the clock a week on costs nothing.
    /// </summary>
    public IvrHostFactory WithCallbackClock(TimeProvider clock) => WithServices(services =>
    {
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<CallbackDialer>(sp, clock));
        services.AddTransient(sp => ActivatorUtilities.CreateInstance<OutboundCallHandler>(sp, clock));
    });

    /// <summary>Services replaced or added after the line's own (applied in the order given).</summary>
    public IvrHostFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Starts the line now (so a test measures only its own steps, and timers run from the start).</summary>
    public IvrHostFactory Start()
    {
        StartServer();
        if (_loopback)
        {
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            BaseAddress = new Uri(address.TrimEnd('/') + "/");
        }

        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);

        // UseSetting, not ConfigureAppConfiguration: Program reads some keys while building.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Data.Dispose();
        }
    }
}
