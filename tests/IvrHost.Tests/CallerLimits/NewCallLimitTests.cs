using System.Diagnostics.Metrics;
using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Storage;
using PhoneBooking.Storage.RateLimiting;
using PhoneBooking.Testing;
using PhoneBooking.Testing.Postgres;
using PhoneBooking.Twilio;

namespace PhoneBooking.IvrHost.Tests.CallerLimits;

/// <summary>
/// Telephony denial of service, as an abuser tries it: one number calling again and again, withheld caller
/// IDs, several line instances, a database that is down, and unsigned floods. The limit is on new calls only.
/// </summary>
public sealed class NewCallLimitTests : IAsyncLifetime
{
    private const string Number = "+14165550123";
    private const string LimitEnglish = "You have called many times in the last hour. To keep the line open for everyone, please call again later. Goodbye.";
    private const string LimitFrench = "Vous avez appelé plusieurs fois dans la dernière heure. Pour garder la ligne libre pour tous, veuillez rappeler plus tard. Au revoir.";

    private readonly ManualTimeProvider _clock = new();
    private readonly List<IDisposable> _hosts = [];
    private PostgresServer? _ownServer;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // The newest first: hosts before the folders they were given.
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            _hosts[i].Dispose();
        }
        if (_ownServer is not null)
        {
            await _ownServer.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task EleventhCallInAnHour_HearsTheLimitInBothLanguages_AndTheCallEnds(StorageProvider provider)
    {
        var line = Start(provider);
        using var metrics = new MetricRecorder(line.Services.GetRequiredService<IMeterFactory>(), RateLimitMetrics.MeterName);
        for (var i = 1; i <= 10; i++)
        {
            AssertWelcomed(await DialAsync(line, Number), $"call {i}");
        }

        var refused = await DialAsync(line, Number);

        AssertLimited(refused);
        Assert.Equal(1, metrics.Sum("phonebooking.rate_limit.refused", "policy", "line-new-calls"));
        AssertWelcomed(await DialAsync(line, "+14165550199"), "another number");
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task WithheldCallerIds_CountedTogether(StorageProvider provider)
    {
        var line = Start(provider, ("CallerLimits:WithheldNewCallsPerHour", "4"));

        // What Twilio sends in From when there is no number to show.
        foreach (var from in new[] { "anonymous", "+266696687", "Restricted", "" })
        {
            AssertWelcomed(await DialAsync(line, from), $"From '{from}'");
        }

        AssertLimited(await DialAsync(line, "Anonymous"));
        AssertLimited(await DialAsync(line, "+266696687"));
        AssertWelcomed(await DialAsync(line, Number), "a caller with a number");
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task CallsInProgressAndTwiliosRepeats_NeverLimited(StorageProvider provider)
    {
        var line = Start(provider, ("CallerLimits:NewCallsPerHour", "2"));
        var call = new SignedWebhooks(Client(line), SignedWebhooks.NewCallSid(), Number);
        AssertWelcomed(await call.DialAsync(), "first call");

        for (var i = 0; i < 5; i++)
        {
            var repeated = await call.DialAsync(); // the same call: its current prompt again (the language menu)
            Assert.NotEmpty(repeated.Descendants("Gather"));
            Assert.DoesNotContain(LimitEnglish, SignedWebhooks.Heard(repeated), StringComparison.Ordinal);
        }

        var menu = await call.PressAsync("1");
        Assert.DoesNotContain(LimitEnglish, SignedWebhooks.Heard(menu), StringComparison.Ordinal);
        Assert.NotEmpty(menu.Descendants("Gather"));
        AssertWelcomed(await DialAsync(line, Number), "second new call");
        AssertLimited(await DialAsync(line, Number));
    }

    [Fact]
    public async Task CallInProgressWhoseSessionWasLost_StartsOverUnlimited()
    {
        var line = Start(LineTestStorage.Provider, ("CallerLimits:NewCallsPerHour", "1"));
        AssertWelcomed(await DialAsync(line, Number), "the number's one call");

        // Another call of this number, mid-flow, whose session this line does not have (lost): Twilio signed it, so it is real.
        var inProgress = new SignedWebhooks(Client(line), SignedWebhooks.NewCallSid(), Number);
        var restarted = await inProgress.TwimlAsync("/voice/input?turn=3", inProgress.Fields(("Digits", "1")));

        AssertWelcomed(restarted, "a call in progress starting over");
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AnHourLater_TheNumberIsWelcomeAgain(StorageProvider provider)
    {
        var line = Start(provider, ("CallerLimits:NewCallsPerHour", "2"));
        await DialAsync(line, Number);
        await DialAsync(line, Number);
        AssertLimited(await DialAsync(line, Number));

        _clock.Advance(TimeSpan.FromHours(1));

        AssertWelcomed(await DialAsync(line, Number), "after the hour");
    }

    [Fact]
    public async Task TwoLineInstancesOnOnePostgres_ShareTheCount()
    {
        var data = new TempDirectory();
        _hosts.Add(data);
        var first = Start(StorageProvider.Postgres, ("Storage:DataDirectory", data.Path), ("CallerLimits:NewCallsPerHour", "4"));
        var second = Start(StorageProvider.Postgres, ("Storage:DataDirectory", data.Path), ("CallerLimits:NewCallsPerHour", "4"));

        for (var i = 1; i <= 4; i++)
        {
            AssertWelcomed(await DialAsync(i % 2 == 0 ? first : second, Number), $"call {i}");
        }

        AssertLimited(await DialAsync(first, Number));
        AssertLimited(await DialAsync(second, Number));
    }

    [Fact]
    public async Task PostgresDown_CallerOverTheLimitIsNeverToldSo_HearsThePerson()
    {
        _ownServer = await PostgresServer.StartNewAsync();
        var line = Start(StorageProvider.Postgres, ("ConnectionStrings:Postgres", await _ownServer.CreateDatabaseAsync("line")), ("CallerLimits:NewCallsPerHour", "1"));
        AssertWelcomed(await DialAsync(line, Number), "before the outage");

        await _ownServer.StopAsync();
        var during = await DialAsync(line, Number);

        // Over the limit, but nothing can be counted: the line's own outage answer (a person), never the limit.
        Assert.DoesNotContain(LimitEnglish, SignedWebhooks.Heard(during), StringComparison.Ordinal);
        Assert.Single(during.Descendants("Enqueue"));
    }

    [Fact]
    public async Task CountersFail_CallerOverTheLimitWelcomed_FailedOpenCounted()
    {
        var data = new TempDirectory();
        _hosts.Add(data);
        var line = Start(StorageProvider.Sqlite, ("Storage:DataDirectory", data.Path), ("CallerLimits:NewCallsPerHour", "1"));
        using var metrics = new MetricRecorder(line.Services.GetRequiredService<IMeterFactory>(), RateLimitMetrics.MeterName);
        AssertWelcomed(await DialAsync(line, Number), "the number's one call");
        await using (var raw = LineTestStorage.OpenRaw(data.Path, StorageProvider.Sqlite))
        {
            await raw.OpenAsync();
            await using var drop = raw.CreateCommand();
            drop.CommandText = "DROP TABLE rate_limit_windows";
            await drop.ExecuteNonQueryAsync();
        }

        AssertWelcomed(await DialAsync(line, Number), "over the limit, but it cannot be counted");
        Assert.Equal(1, metrics.Sum("phonebooking.rate_limit.failed_open", "policy", "line-new-calls"));
    }

    [Fact]
    public async Task UnsignedFlood_PostgresStopped_Refused403BeforeAnyStoreOrLimiter_AndCounted()
    {
        _ownServer = await PostgresServer.StartNewAsync();
        var line = Start(StorageProvider.Postgres, ("ConnectionStrings:Postgres", await _ownServer.CreateDatabaseAsync("line")));
        using var twilio = new MetricRecorder(line.Services.GetRequiredService<IMeterFactory>(), TwilioMetrics.MeterName);
        using var limits = new MetricRecorder(line.Services.GetRequiredService<IMeterFactory>(), RateLimitMetrics.MeterName);
        var client = Client(line);
        await _ownServer.StopAsync();

        // The flood: forged signatures, none at all, and a signed request replayed to another URL (the signature covers it).
        var forged = new SignedWebhooks(client, SignedWebhooks.NewCallSid(), Number);
        var signedForAnswer = forged.Fields(("CallStatus", "ringing"));
        for (var i = 0; i < 20; i++)
        {
            using var bad = await forged.PostAsync("/voice", forged.Fields(("CallStatus", "ringing")), signature: "bm90IGEgc2lnbmF0dXJl");
            Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
            using var none = await client.PostAsync("/voice", new FormUrlEncodedContent(signedForAnswer));
            Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
            using var moved = await forged.PostAsync("/voice/input?turn=0", signedForAnswer, signature: TwilioSigner.Sign(SignedWebhooks.DevAuthToken, new Uri(client.BaseAddress!, "/voice").ToString(), signedForAnswer));
            Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        }

        Assert.Equal(60, twilio.Total("phonebooking.twilio.webhooks.rejected"));
        Assert.Equal(0, limits.Total("phonebooking.rate_limit.failed_open")); // the limiter was never asked
        Assert.Equal(0, limits.Total("phonebooking.rate_limit.refused"));
    }

    private WebApplicationFactory<Program> Start(StorageProvider provider, params (string Key, string Value)[] settings)
    {
        // A count waits longer than production's 1 s before failing open: on 2 busy cores these tests are about the counting.
        var values = new Dictionary<string, string?> { ["Twilio:AuthToken"] = SignedWebhooks.DevAuthToken, ["SharedRateLimits:StoreTimeout"] = "00:01:00" };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        if (values.ContainsKey("ConnectionStrings:Postgres"))
        {
            foreach (var (key, value) in LineTestStorage.SharedKeys)
            {
                values.TryAdd(key, value);
            }
        }

        var root = new IvrHostFactory(values, provider: provider);
        var host = root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));
        _hosts.Add(host);
        _hosts.Add(root);
        return host;
    }

    private static HttpClient Client(WebApplicationFactory<Program> line) => line.CreateClient();

    private static Task<XDocument> DialAsync(WebApplicationFactory<Program> line, string from) =>
        new SignedWebhooks(Client(line), SignedWebhooks.NewCallSid(), from).DialAsync();

    private static void AssertWelcomed(XDocument twiml, string what)
    {
        Assert.True(twiml.Descendants("Gather").Any(), $"{what}: no menu in {twiml}");
        Assert.Contains("vaccine booking line", SignedWebhooks.Heard(twiml), StringComparison.Ordinal);
    }

    private static void AssertLimited(XDocument twiml)
    {
        var says = twiml.Descendants("Say").ToList();
        Assert.Equal(2, says.Count);
        Assert.Equal(LimitEnglish, says[0].Value);
        Assert.Equal(LimitFrench, says[1].Value);
        Assert.Equal("fr-CA", says[1].Attribute("language")?.Value);
        Assert.Empty(twiml.Descendants("Gather"));
        Assert.Single(twiml.Root!.Elements("Hangup"));
    }
}
