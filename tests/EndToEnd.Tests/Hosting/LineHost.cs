extern alias IvrHost;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBooking.Testing;

namespace PhoneBooking.EndToEnd.Tests.Hosting;

/// <summary>
/// The line as `dotnet run` starts it (Development settings, the reference scheduling API embedded
/// on its own loopback port), served by Kestrel on 127.0.0.1 so the softphone reaches it over real
/// HTTP exactly as Twilio would. Port 0 picks a free one; a restart passes the old port to come back
/// at the same address, as a redeployed instance behind the same URL does.
/// </summary>
public sealed class LineHost : WebApplicationFactory<IvrHost::Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public LineHost(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, int port = 0)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:DataDirectory"] = dataDirectory,
        };
        _settings = all;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public InMemoryLoggerProvider Logs { get; } = new();

    /// <summary>http://127.0.0.1:port/ once <see cref="Start"/> has run.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    public LineHost Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // UseSetting, not ConfigureAppConfiguration: Program reads some keys while building.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
