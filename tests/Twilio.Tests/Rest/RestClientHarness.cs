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

    public RestClientHarness(string? accountSid = AccountSid)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = accountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:ApiBaseUrl"] = Api.BaseUrl.ToString(),
            ["Twilio:RequestTimeout"] = RequestTimeout.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddLogging(logging => logging.AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddTwilio(configuration);
        _services = services.BuildServiceProvider(validateScopes: true);
        Client = _services.GetRequiredService<ITwilioRestClient>();
    }

    /// <summary>Twilio:RequestTimeout, on <see cref="Time"/>: it passes only when a test moves the clock.</summary>
    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(100);

    public TwilioApiStub Api { get; } = TwilioApiStub.Start();

    public ObservedTimeProvider Time { get; } = new(new ManualTimeProvider());

    public InMemoryLoggerProvider Logs { get; } = new();

    public ITwilioRestClient Client { get; }

    /// <summary>
    /// Polly's pipeline waits, on <see cref="Time"/>, for calls still in flight before it is disposed: a
    /// test that failed midway leaves one. The clock is moved on meanwhile, so such a test fails instead of hanging.
    /// </summary>
    public void Dispose()
    {
        var disposed = _services.DisposeAsync().AsTask();
        for (var i = 0; i < 600 && !disposed.IsCompleted; i++)
        {
            Time.Clock.Advance(TimeSpan.FromSeconds(1));
            Thread.Sleep(10);
        }

        disposed.GetAwaiter().GetResult();
        Api.Dispose();
    }
}
