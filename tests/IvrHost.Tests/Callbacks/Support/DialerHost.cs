using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Callbacks.Dialer;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.Storage;
using PhoneBooking.Testing;
using PhoneBooking.Twilio.Rest;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Support;

/// <summary>
/// The line in a test server with its dialer loop off: the test runs passes itself, callbacks on a manual clock.
/// Real SQLite file (shareable between two hosts), real webhooks; Twilio's REST API is <see cref="Twilio"/>.
/// </summary>
internal sealed class DialerHost : IDisposable
{
    /// <summary>A Monday, 14:00 in Toronto (19:00 UTC): inside calling hours for every Canadian and US zone.</summary>
    public static readonly DateTimeOffset Afternoon = new(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);

    /// <summary>The scheduling API is never reached here (or is a fake): its client's budgets only have to be valid.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ApiBudgets = new Dictionary<string, string?>
    {
        ["Scheduling:AttemptTimeout"] = "00:00:05",
        ["Scheduling:TotalTimeout"] = "00:00:10",
    };

    private static readonly TimeSpan TwilioRequestTimeout = TimeSpan.FromSeconds(100);

    private readonly IvrHostFactory _line;

    public DialerHost(ManualTimeProvider clock, string? dataDirectory = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, StorageProvider? provider = null)
    {
        Clock = clock;
        var all = new Dictionary<string, string?>(ApiBudgets)
        {
            ["Callbacks:PublicBaseUrl"] = "http://localhost",
            ["Callbacks:CallsPerSecond"] = "1",
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl.ToString(),
            ["Twilio:RequestTimeout"] = TwilioRequestTimeout.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        if (dataDirectory is not null)
        {
            all["Storage:DataDirectory"] = dataDirectory;
        }

        _line = new IvrHostFactory(all, provider: provider).WithServices(services ?? (_ => { })).WithCallbackClock(clock).WithServices(services =>
        {
            // The callbacks' queue gauges and records on the test's clock too; Twilio's REST client on its own (TwilioClock).
            TimeProvider time = clock;
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<CallbackQueueGauges>(sp, time));
            services.AddSingleton<ICallbackRequests>(sp => ActivatorUtilities.CreateInstance<CallbackRequests>(sp, time));
            services.AddKeyedSingleton<TimeProvider>(TwilioApiClient.HttpClientName, TwilioClock);
        });
        Client = _line.CreateClient();
    }

    public ManualTimeProvider Clock { get; }

    /// <summary>
    /// Twilio's REST client's own clock: Twilio:RequestTimeout passes only when a test moves it, once the create
    /// has reached the stub (<see cref="PassWhileTwilioIsSilentAsync"/>), never by a race with real time.
    /// </summary>
    public ManualTimeProvider TwilioClock { get; } = new(Afternoon);

    public TwilioApiStub Twilio { get; } = TwilioApiStub.Start();

    public HttpClient Client { get; }

    public string DataDirectory => _line.DataDirectory;

    /// <summary>The settings the line started with (its storage among them).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _line.Settings;

    public InMemoryLoggerProvider Logs => _line.Logs;

    public IServiceProvider Services => _line.Services;

    public CallbackDialer Dialer => Services.GetRequiredService<CallbackDialer>();

    public ICallbackQueue Queue => Services.GetRequiredService<ICallbackQueue>();

    public ICallbackRequests Requests => Services.GetRequiredService<ICallbackRequests>();

    public static CallbackRequest Callback(string phone, CallbackKind kind = CallbackKind.Agent, string? requestId = null, DateOnly? dueOn = null, string callSid = "CA00000000000000000000000000000001") =>
        new(CallbackRequest.IdFor(callSid, kind, person: 0), kind, callSid, phone, "en-CA", requestId, dueOn);

    public Task SaveAsync(CallbackRequest callback) => Requests.SaveAsync(callback, CancellationToken.None);

    /// <summary>What the API's feed would say: an offer was made for this phone request.</summary>
    public Task OfferMadeAsync(string requestId, long eventId = 1) =>
        Services.GetRequiredService<IOfferFeedStore>().ApplyAsync(
            [new SchedulingEvent(eventId, SchedulingEventTypes.OfferMade, Clock.GetUtcNow(), requestId, $"of_{eventId}", Channel.Phone)],
            eventId, CancellationToken.None);

    /// <summary>One dialer pass, and the dials it started.</summary>
    public async Task<TimeSpan> PassAsync()
    {
        var wait = await Dialer.RunOnceAsync(CancellationToken.None);
        await Dialer.DrainAsync();
        return wait;
    }

    /// <summary>One dialer pass whose create Twilio receives and never answers (<see cref="TwilioAnswer.NoResponse"/>): in doubt.</summary>
    public async Task PassWhileTwilioIsSilentAsync()
    {
        var asked = Twilio.Requests.Count + 1;
        var pass = PassAsync();
        await Twilio.WaitForRequestsAsync(asked);
        TwilioClock.Advance(TwilioRequestTimeout);
        await pass;
    }

    public async Task<CallbackRecord> GetAsync(string id) =>
        await Requests.GetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"No callback {id}.");

    /// <summary>A status callback from Twilio for an attempt, signed as Twilio signs it.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string callSid, params (string Name, string Value)[] fields)
    {
        var hooks = new SignedWebhooks(Client, callSid, from: "+15550100000");
        return await hooks.PostAsync(path, hooks.Fields([("Direction", "outbound-api"), .. fields]));
    }

    public Task<HttpResponseMessage> StatusAsync(TwilioRequest call, string status, params (string Name, string Value)[] fields) =>
        PostAsync(new Uri(call["StatusCallback"]).PathAndQuery, call.Sid!, [("CallStatus", status), .. fields]);

    public void Dispose()
    {
        Client.Dispose();
        _line.Dispose();
        Twilio.Dispose();
    }
}
