using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.Storage;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Hosting;

/// <summary>
/// The line in a test server, with its own temp data folder and an in-memory log sink. By default
/// the scheduling API is "external" at a closed loopback port, so nothing is started alongside;
/// <see cref="WithEmbeddedApi"/> leaves <c>Scheduling:BaseUrl</c> unset, as <c>dotnet run</c> does. Storage is
/// SQLite, or PostgreSQL (the data folder's database, <see cref="LineTestStorage"/>) when the test run or the test asks.
/// </summary>
public sealed class IvrHostFactory : WebApplicationFactory<Program>
{
    /// <summary>Port 9 (discard) on loopback: nothing listens there.</summary>
    public const string UnreachableApi = "http://127.0.0.1:9/";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

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

    public InMemoryLoggerProvider Logs { get; } = new();

    public static IvrHostFactory WithEmbeddedApi(IDictionary<string, string?>? settings = null, StorageProvider? provider = null) => new(settings, embeddedApi: true, provider: provider);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);

        // UseSetting, not ConfigureAppConfiguration: Program reads some keys while building.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
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
