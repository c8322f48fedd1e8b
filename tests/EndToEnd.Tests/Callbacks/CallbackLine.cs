extern alias IvrHost;

using Microsoft.Extensions.DependencyInjection;
using IvrHost::PhoneBooking.IvrHost.Callbacks;
using IvrHost::PhoneBooking.IvrHost.Callbacks.Dialer;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Cloud;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Testing;
using PhoneBooking.Testing.Line;

namespace PhoneBooking.EndToEnd.Tests.Callbacks;

/// <summary>
/// The line on a loopback Kestrel port with the embedded scheduling API, Twilio's REST API stood in by
/// <see cref="LocalTwilioCloud"/> (its calls ring the softphone, answered as <see cref="Answer"/> says),
/// and the callbacks on a manual clock: the test runs the dialer's passes and moves the time.
/// </summary>
public sealed class CallbackLine : IAsyncDisposable
{
    /// <summary>The seniors' group is open: this birth date books.</summary>
    public const string EligibleBirthDate = "19450312";

    private readonly IvrHostFactory _host;
    private readonly bool _ownsCloud;

    private CallbackLine(string dataDirectory, SoftphoneEngine phone, LocalTwilioCloud cloud, ManualTimeProvider clock, bool ownsCloud)
    {
        (Phone, Cloud, Clock, _ownsCloud) = (phone, cloud, clock, ownsCloud);
        var port = ServiceProcess.FreePort(); // known before the start: the line gives Twilio its own address for callbacks
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _host = new IvrHostFactory(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory }, embeddedApi: true, provider: PhoneBooking.Storage.StorageProvider.Sqlite)
            .WithTwilio(cloud.BaseUrl)
            .WithSeniorsOpen()
            .WithSettings(new Dictionary<string, string?>
            {
                ["Callbacks:PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
                ["Callbacks:MachineDetectionWaits"] = "50",
            })
            .WithCallbackClock(clock)
            .OnLoopback(port)
            .Start();
    }

    /// <summary>The next 14:00 in Toronto from now: inside everyone's calling hours, and never before a callback saved on real time.</summary>
    public ManualTimeProvider Clock { get; }

    public Uri BaseAddress { get; }

    public InMemoryLoggerProvider Logs => _host.Logs;

    public IServiceProvider Services => _host.Services;

    /// <summary>The softphone: dials the line, and is rung by <see cref="Cloud"/>.</summary>
    public SoftphoneEngine Phone { get; }

    public LocalTwilioCloud Cloud { get; }

    /// <summary>How the softphone answers the line's next calls (the default: it rings out).</summary>
    public AnswerPolicy Answer { get; set; } = (_, _) => ValueTask.FromResult(AnswerPlan.NoAnswer);

    public ICallbackRequests Requests => Services.GetRequiredService<ICallbackRequests>();

    public static async Task<CallbackLine> StartAsync(string dataDirectory)
    {
        CallbackLine? line = null;
        var engine = new SoftphoneEngine(new SoftphoneOptions { HoldPacing = TimeSpan.FromMilliseconds(20) });
        var cloud = await LocalTwilioCloud.StartAsync(engine, new CloudSettings { AnswerPolicy = (call, ct) => line!.Answer(call, ct) });
        line = new CallbackLine(dataDirectory, engine, cloud, new ManualTimeProvider(NextAfternoon()), ownsCloud: true);
        return line;
    }

    /// <summary>A second host on the same data folder and clock, placing its calls through the same Twilio stand-in.</summary>
    public CallbackLine Twin() => new(_host.DataDirectory, Phone, Cloud, Clock, ownsCloud: false);

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

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_ownsCloud)
        {
            await Cloud.DisposeAsync();
            Phone.Dispose();
        }
    }

    private static DateTimeOffset NextAfternoon()
    {
        var toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, toronto);
        var afternoon = local.Date.AddDays(local.Hour >= 14 ? 1 : 0).AddHours(14);
        return new DateTimeOffset(afternoon, toronto.GetUtcOffset(afternoon));
    }
}
