extern alias SchedulingApi;

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.EmbeddedApi;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.SchedulingClient;
using PhoneBooking.Testing;
using SchedulingSecurity = SchedulingApi::PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.IvrHost.Tests.EmbeddedApi;

public sealed class EmbeddedSchedulingApiTests
{
    [Fact]
    public async Task NoBaseUrl_StartsTheApiOnLoopback_TheClientReachesItOverHttp_AndItStopsWithTheHost()
    {
        Uri address;
        using (var factory = IvrHostFactory.WithEmbeddedApi(provider: PhoneBooking.Storage.StorageProvider.Sqlite))
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

            // Readiness is anonymous: it says how the backend is, never where it is.
            var ready = await line.GetStringAsync("/health/ready");
            Assert.Contains("\"scheduling\"", ready, StringComparison.Ordinal);
            Assert.DoesNotContain($"{address.Host}:{address.Port}", ready, StringComparison.Ordinal);
        }

        using var afterwards = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => afterwards.GetAsync(new Uri(address, "health/live")));
    }

    [Fact]
    public async Task Embedded_KnowsTheLineByAFreshKey_AndRefusesEveryoneElse()
    {
        using var factory = IvrHostFactory.WithEmbeddedApi();
        using var line = factory.CreateClient();
        var api = factory.Services.GetRequiredService<EmbeddedSchedulingApi>();
        var options = factory.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value;

        Assert.Equal(api.ApiKey, options.ApiKey);
        Assert.NotEqual(SchedulingSecurity.DevelopmentKeys.PhoneLine, options.ApiKey);
        Assert.Equal(SchedulingOutcome.Success, (await factory.Services.GetRequiredService<ISchedulingClient>().GetSitesAsync()).Outcome);

        // Another process on the machine, with no key or the published development key.
        using var local = new HttpClient { BaseAddress = api.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await local.GetAsync("v1/events?after=0")).StatusCode);
        local.DefaultRequestHeaders.Add("X-Api-Key", SchedulingSecurity.DevelopmentKeys.PhoneLine);
        Assert.Equal(HttpStatusCode.Unauthorized, (await local.GetAsync("v1/events?after=0")).StatusCode);

        // On SQLite the API's HMAC key was made in the line's data folder, readable by its owner only; on
        // PostgreSQL (several instances) it comes from configuration and nothing is written to the folder.
        var keyFile = factory.Data.File(SchedulingSecurity.SecurityOptions.KeyFileName);
        Assert.Equal(factory.Provider == PhoneBooking.Storage.StorageProvider.Sqlite, File.Exists(keyFile));
        Assert.True(!File.Exists(keyFile) || OperatingSystem.IsWindows() || File.GetUnixFileMode(keyFile) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Fact]
    public async Task Embedded_AnotherStart_AnotherKey_SameHmacKey()
    {
        using var data = new TempDirectory();
        string firstKey;
        string hmacKey;
        using (var first = IvrHostFactory.WithEmbeddedApi(new Dictionary<string, string?> { ["Storage:DataDirectory"] = data.Path }, PhoneBooking.Storage.StorageProvider.Sqlite))
        {
            (await first.CreateClient().GetAsync("/health/live")).EnsureSuccessStatusCode();
            firstKey = first.Services.GetRequiredService<EmbeddedSchedulingApi>().ApiKey;
            hmacKey = await File.ReadAllTextAsync(Path.Combine(data.Path, SchedulingSecurity.SecurityOptions.KeyFileName));
        }

        using var second = IvrHostFactory.WithEmbeddedApi(new Dictionary<string, string?> { ["Storage:DataDirectory"] = data.Path }, PhoneBooking.Storage.StorageProvider.Sqlite);
        (await second.CreateClient().GetAsync("/health/live")).EnsureSuccessStatusCode();

        Assert.NotEqual(firstKey, second.Services.GetRequiredService<EmbeddedSchedulingApi>().ApiKey);
        Assert.Equal(hmacKey, await File.ReadAllTextAsync(Path.Combine(data.Path, SchedulingSecurity.SecurityOptions.KeyFileName)));
    }

    [Fact]
    public void Production_ExternalApiWithoutAKey_StopsAtStartSayingWhichSetting()
    {
        using var factory = new IvrHostFactory(new Dictionary<string, string?> { ["Encryption:Keys:k1"] = Convert.ToBase64String(new byte[32]) }, environment: "Production", provider: PhoneBooking.Storage.StorageProvider.Sqlite);

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Scheduling:ApiKey is required", error.ToString(), StringComparison.Ordinal);
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
        var port = ServiceProcess.FreePort();
        using var factory = IvrHostFactory.WithEmbeddedApi(new Dictionary<string, string?> { ["EmbeddedApi:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        (await factory.CreateClient().GetAsync("/health/live")).EnsureSuccessStatusCode();

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), factory.Services.GetRequiredService<EmbeddedSchedulingApi>().BaseAddress);
    }
}
