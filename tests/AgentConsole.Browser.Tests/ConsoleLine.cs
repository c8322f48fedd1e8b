extern alias IvrHost;

using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhoneBooking.AgentConsole.Browser.Tests;

/// <summary>
/// The line as `dotnet run` starts it — Development settings, so the documented development accounts,
/// and the reference scheduling API embedded on its own loopback port — on a real Kestrel port at
/// 127.0.0.1, with its own data folder. The seniors' group is open (eligibility relative to today).
/// </summary>
public sealed class ConsoleLine : WebApplicationFactory<IvrHost::Program>
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "agent-console-browser-tests", Guid.NewGuid().ToString("N"));

    public ConsoleLine() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    public ConsoleLine Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", _data);
        builder.UseSetting("Callbacks:DialerEnabled", "false");
        builder.UseSetting("Eligibility:Cohorts:0:Name", "seniors");
        builder.UseSetting("Eligibility:Cohorts:0:BornOnOrBefore", "1956-12-31");
        builder.UseSetting("Eligibility:Cohorts:0:OpensOn", today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        builder.UseSetting("Eligibility:Cohorts:1:Name", "everyone-else");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the temp folder is the OS's to clean.
        }
    }
}
