using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.EmbeddedApi;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.SchedulingClient;

namespace PhoneBooking.IvrHost.Tests.EmbeddedApi;

public sealed class EmbeddedSchedulingApiTests
{
    [Fact]
    public async Task NoBaseUrl_StartsTheApiOnLoopback_TheClientReachesItOverHttp_AndItStopsWithTheHost()
    {
        Uri address;
        using (var factory = IvrHostFactory.WithEmbeddedApi())
        {
            using var line = factory.CreateClient();
            var api = factory.Services.GetRequiredService<EmbeddedSchedulingApi>();

            address = Assert.IsType<Uri>(api.BaseAddress);
            Assert.Equal(("http", "127.0.0.1"), (address.Scheme, address.Host));
            Assert.Equal(address, factory.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value.BaseUrl);

            // A real HTTP round trip, through the client the call flow uses.
            var sites = await factory.Services.GetRequiredService<ISchedulingClient>().GetSitesAsync();
            Assert.Equal(SchedulingOutcome.Success, sites.Outcome);
            using var direct = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync(new Uri(address, "health/ready"))).StatusCode);

            // Same data folder; its logs join the line's.
            Assert.True(File.Exists(factory.Data.File("scheduling.db")));
            Assert.Contains(factory.Logs.Records, r => r.EventId.Name == "EmbeddedApiStarted");
            Assert.Contains(factory.Logs.Records, r => r.Category.StartsWith("PhoneBooking.SchedulingApi", StringComparison.Ordinal));

            var ready = JsonDocument.Parse(await line.GetStringAsync("/health/ready")).RootElement;
            Assert.Equal(address.ToString(), ready.GetProperty("checks").GetProperty("scheduling").GetProperty("data").GetProperty("baseUrl").GetString());
        }

        using var afterwards = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => afterwards.GetAsync(new Uri(address, "health/live")));
    }

    [Fact]
    public async Task BaseUrlConfigured_StartsNothing()
    {
        using var factory = new IvrHostFactory();
        (await factory.CreateClient().GetAsync("/health/live")).EnsureSuccessStatusCode();

        var api = factory.Services.GetRequiredService<EmbeddedSchedulingApi>();
        Assert.False(api.IsEnabled);
        Assert.Null(api.BaseAddress);
        Assert.Equal(new Uri(IvrHostFactory.UnreachableApi), factory.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value.BaseUrl);
        Assert.False(File.Exists(factory.Data.File("scheduling.db")));
    }

    [Fact]
    public async Task PortConfigured_ListensOnThatPort()
    {
        var port = FreePort();
        using var factory = IvrHostFactory.WithEmbeddedApi(new Dictionary<string, string?> { ["EmbeddedApi:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        (await factory.CreateClient().GetAsync("/health/live")).EnsureSuccessStatusCode();

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), factory.Services.GetRequiredService<EmbeddedSchedulingApi>().BaseAddress);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
