extern alias IvrHost;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;

namespace PhoneBooking.Line.Bench;

/// <summary>
/// The line as `dotnet run` starts it (Development settings: the local auth token, the reference
/// scheduling API embedded on loopback, SQLite files for sessions and bookings), in this process on
/// a free loopback port, with a fresh data folder. Only two things differ: the dialer is off (no
/// one answers its calls here) and the log is counted (<see cref="Logs"/>), not printed.
/// </summary>
internal sealed class LocalLine : WebApplicationFactory<IvrHost::Program>
{
    public LocalLine()
    {
        Directory.CreateDirectory(DataPath);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "line-bench", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    public LogTally Logs { get; } = new();

    public LocalLine Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As a published line runs: settings and prompts next to the binaries (the build copies them here).
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataPath);
        builder.UseSetting("Callbacks:DialerEnabled", "false");
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
        // The line logs through Serilog to the console; here its warnings go to the tally only, none printed.
        builder.ConfigureServices(services => services.AddSerilog((_, logger) => logger.MinimumLevel.Warning(), preserveStaticLogger: true, writeToProviders: true));
    }

    public void DeleteData()
    {
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the temp folder is the OS's to clean.
        }
    }
}
