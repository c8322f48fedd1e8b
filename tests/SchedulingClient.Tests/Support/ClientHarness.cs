using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBooking.SchedulingClient.Health;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests.Support;

/// <summary>
/// The client as a host would register it (<c>AddSchedulingClient</c>), with short budgets so
/// failing paths take milliseconds, an in-memory log sink and, optionally, a manual clock.
/// </summary>
public sealed class ClientHarness : IAsyncDisposable
{
    private ClientHarness(ServiceProvider services, InMemoryLoggerProvider logs)
    {
        Services = services;
        Logs = logs;
    }

    public ServiceProvider Services { get; }

    public InMemoryLoggerProvider Logs { get; }

    public ISchedulingClient Client => Services.GetRequiredService<ISchedulingClient>();

    public IBackendHealth Health => Services.GetRequiredService<IBackendHealth>();

    internal BackendHealthProbe Probe => Services.GetRequiredService<BackendHealthProbe>();

    /// <summary>The client's named HttpClient: raw requests through the same resilience handler.</summary>
    public HttpClient Http => Services.GetRequiredService<IHttpClientFactory>().CreateClient(SchedulingClientServiceCollectionExtensions.HttpClientName);

    public static Dictionary<string, string?> FastSettings(Uri baseUrl) => new()
    {
        ["Scheduling:BaseUrl"] = baseUrl.ToString(),
        ["Scheduling:ApiKey"] = RealApi.ClientKey,
        // Generous budgets: this machine is shared and a busy thread pool can stall a loopback
        // answer for a second. Failing paths stay fast because the faults answer at once;
        // tests about timeouts set their own short budgets.
        ["Scheduling:TotalTimeout"] = "00:00:12",
        ["Scheduling:AttemptTimeout"] = "00:00:05",
        ["Scheduling:RetryCount"] = "2",
        ["Scheduling:RetryBaseDelay"] = "00:00:00.01",

        // High enough that the breaker stays out of tests that are not about it.
        ["Scheduling:BreakerMinimumThroughput"] = "1000",
    };

    public static ClientHarness Create(
        Uri baseUrl,
        Action<Dictionary<string, string?>>? settings = null,
        TimeProvider? time = null,
        Action<IHttpClientBuilder>? http = null)
    {
        var values = FastSettings(baseUrl);
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var logs = new InMemoryLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var builder = services.AddSchedulingClient(configuration);
        http?.Invoke(builder);
        return new ClientHarness(services.BuildServiceProvider(validateScopes: true), logs);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
