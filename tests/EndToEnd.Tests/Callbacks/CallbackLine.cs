extern alias IvrHost;

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBooking.EndToEnd.Tests.Hosting;
using IvrHost::PhoneBooking.IvrHost.Callbacks;
using IvrHost::PhoneBooking.IvrHost.Callbacks.Dialer;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Cloud;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Testing;

namespace PhoneBooking.EndToEnd.Tests.Callbacks;

/// <summary>
/// The line on a loopback Kestrel port with the embedded scheduling API, Twilio's REST API stood in by
/// <see cref="LocalTwilioCloud"/> (its calls ring the softphone, answered as <see cref="Answer"/> says),
/// and the callbacks on a manual clock: the test runs the dialer's passes and moves the time.
/// </summary>
public sealed class CallbackLine : WebApplicationFactory<IvrHost::Program>
{
    /// <summary>The seniors' group is open: this birth date books.</summary>
    public const string EligibleBirthDate = "19450312";

    private readonly Dictionary<string, string?> _settings;

    private CallbackLine(string dataDirectory, int port, Uri cloud, IDictionary<string, string?>? settings)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Twilio:ApiBaseUrl"] = cloud.ToString().TrimEnd('/'),
            ["Callbacks:DialerEnabled"] = "false",
            ["Callbacks:PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
            ["Callbacks:MachineDetectionWaits"] = "50",
            ["Eligibility:Cohorts:0:Name"] = "seniors",
            ["Eligibility:Cohorts:0:BornOnOrBefore"] = "1956-12-31",
            ["Eligibility:Cohorts:0:OpensOn"] = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Eligibility:Cohorts:1:Name"] = "everyone-else",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    /// <summary>The next 14:00 in Toronto from now: inside everyone's calling hours, and never before a callback saved on real time.</summary>
    public ManualTimeProvider Clock { get; private init; } = new(NextAfternoon());

    public Uri BaseAddress { get; }

    public InMemoryLoggerProvider Logs { get; } = new();

    /// <summary>The softphone: dials the line, and is rung by <see cref="Cloud"/>.</summary>
    public SoftphoneEngine Phone { get; private init; } = null!;

    public LocalTwilioCloud Cloud { get; private init; } = null!;

    private bool OwnsCloud { get; init; }

    /// <summary>How the softphone answers the line's next calls (the default: it rings out).</summary>
    public AnswerPolicy Answer { get; set; } = (_, _) => ValueTask.FromResult(AnswerPlan.NoAnswer);

    public ICallbackRequests Requests => Services.GetRequiredService<ICallbackRequests>();

    public static async Task<CallbackLine> StartAsync(string dataDirectory, IDictionary<string, string?>? settings = null)
    {
        CallbackLine? line = null;
        var engine = new SoftphoneEngine(new SoftphoneOptions { HoldPacing = TimeSpan.FromMilliseconds(20) });
        var cloud = await LocalTwilioCloud.StartAsync(engine, new CloudSettings { AnswerPolicy = (call, ct) => line!.Answer(call, ct) });
        line = new CallbackLine(dataDirectory, FreePort(), cloud.BaseUrl, settings) { Cloud = cloud, Phone = engine, OwnsCloud = true };
        line.StartServer();
        return line;
    }

    /// <summary>A second host on the same data folder and clock, placing its calls through the same Twilio stand-in.</summary>
    public CallbackLine Twin()
    {
        var twin = new CallbackLine(_settings["Storage:DataDirectory"]!, FreePort(), Cloud.BaseUrl, _settings) { Cloud = Cloud, Phone = Phone, Clock = Clock };
        twin._settings["Callbacks:PublicBaseUrl"] = twin.BaseAddress.ToString().TrimEnd('/');
        twin.StartServer();
        return twin;
    }

    /// <summary>An incoming call to the line from <paramref name="from"/>, as Twilio would place it.</summary>
    public DialRequest Dial(string from) => new()
    {
        VoiceUrl = new Uri(BaseAddress, "voice"),
        StatusCallbackUrl = new Uri(BaseAddress, "voice/status"),
        From = from,
    };

    /// <summary>One round of the dialer's loop: read the event feed, run a pass, wait for the dials it started.</summary>
    public async Task PassAsync()
    {
        var dialer = Services.GetRequiredService<CallbackDialer>();
        await Services.GetRequiredService<OfferFeed>().PollAsync(CancellationToken.None);
        await dialer.RunOnceAsync(CancellationToken.None);
        await dialer.DrainAsync();
    }

    /// <summary>Runs rounds until <paramref name="done"/> (the API's matcher and the calls run in real time: ~20 s at most).</summary>
    public async Task PassUntilAsync(Func<bool> done)
    {
        for (var round = 0; round < 200 && !done(); round++)
        {
            await PassAsync();
            if (!done())
            {
                await Task.Delay(100);
            }
        }

        Assert.True(done(), "The dialer did not get there in 200 passes.");
    }

    public async Task<CallbackRecord> CallbackAsync(string id) =>
        await Requests.GetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"No callback {id}.");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsCloud)
        {
            await Cloud.DisposeAsync();
            Phone.Dispose();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));

        // The manual clock drives the callbacks only; the rest of the line keeps real time.
        builder.ConfigureTestServices(services =>
        {
            TimeProvider time = Clock;
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<CallbackDialer>(sp, time));
            services.AddTransient(sp => ActivatorUtilities.CreateInstance<OutboundCallHandler>(sp, time));
        });
    }

    private static DateTimeOffset NextAfternoon()
    {
        var toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, toronto);
        var afternoon = local.Date.AddDays(local.Hour >= 14 ? 1 : 0).AddHours(14);
        return new DateTimeOffset(afternoon, toronto.GetUtcOffset(afternoon));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
