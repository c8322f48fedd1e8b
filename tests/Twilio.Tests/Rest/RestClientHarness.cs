using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using PhoneBooking.Testing;
using PhoneBooking.Twilio.Rest;

namespace PhoneBooking.Twilio.Tests.Rest;

/// <summary>The client exactly as AddTwilio registers it, with Twilio's cloud replaced by <see cref="StubTwilioApi"/>.</summary>
public sealed class RestClientHarness : IDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "rest-auth-token";

    private readonly ServiceProvider _services;

    public RestClientHarness()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:ApiBaseUrl"] = "https://api.twilio.test",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddLogging(logging => logging.AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddTwilio(configuration);
        services.AddHttpClient<TwilioRestClient>().ConfigurePrimaryHttpMessageHandler(() => Api);
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredService<TwilioRestClient>();
    }

    public StubTwilioApi Api { get; } = new();

    public ObservedTimeProvider Time { get; } = new(new ManualTimeProvider());

    public InMemoryLoggerProvider Logs { get; } = new();

    public TwilioRestClient Client { get; }

    public void Dispose() => _services.Dispose();
}
