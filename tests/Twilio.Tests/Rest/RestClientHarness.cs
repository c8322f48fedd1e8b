using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using PhoneBooking.Testing;
using Twilio.Clients;

namespace PhoneBooking.Twilio.Tests.Rest;

/// <summary>The SDK's REST client exactly as AddTwilio registers it, Twilio's cloud replaced by <see cref="TwilioApiStub"/> on loopback.</summary>
public sealed class RestClientHarness : IDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "rest-auth-token";

    private readonly ServiceProvider _services;

    /// <param name="requestTimeout">Generous by default (a loaded machine); short where a test waits for Twilio's silence to end.</param>
    public RestClientHarness(string? accountSid = AccountSid, string requestTimeout = "00:00:30")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = accountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:ApiBaseUrl"] = Api.BaseUrl.ToString(),
            ["Twilio:RequestTimeout"] = requestTimeout,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddLogging(logging => logging.AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddTwilio(configuration);
        _services = services.BuildServiceProvider(validateScopes: true);
        Client = _services.GetRequiredService<ITwilioRestClient>();
    }

    public TwilioApiStub Api { get; } = TwilioApiStub.Start();

    public ObservedTimeProvider Time { get; } = new(new ManualTimeProvider());

    public InMemoryLoggerProvider Logs { get; } = new();

    public ITwilioRestClient Client { get; }

    public void Dispose()
    {
        _services.Dispose();
        Api.Dispose();
    }
}
