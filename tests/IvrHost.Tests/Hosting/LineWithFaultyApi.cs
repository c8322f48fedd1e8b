using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.SchedulingClient;
using PhoneBooking.Storage;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Hosting;

/// <summary>
/// The line with the fault server (a real Kestrel on 127.0.0.1) standing in for the scheduling API,
/// on a manual clock: the API's health, the client's time budget and the deferred submitter's timer
/// move only when the test moves the clock. One attempt per API call, so a fault is one request.
/// </summary>
internal sealed class LineWithFaultyApi : IAsyncDisposable
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Scheduling:TotalTimeout here: how long one API call may take before the caller goes elsewhere. Longer
    /// than one probe interval, so moving the clock by one interval never cuts short a call in flight.
    /// </summary>
    public static readonly TimeSpan CallBudget = TimeSpan.FromSeconds(14);

    private readonly IvrHostFactory _host;

    private LineWithFaultyApi(FaultServer api, ManualTimeProvider clock, IvrHostFactory host) => (Api, Clock, _host) = (api, clock, host);

    public FaultServer Api { get; }

    public ManualTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The settings the line started with (its storage among them).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _host.Settings;

    public InMemoryLoggerProvider Logs => _host.Logs;

    public IBackendHealth Health => Services.GetRequiredService<IBackendHealth>();

    /// <summary>Starts the line on <paramref name="dataDirectory"/> (a restart is another start on the same folder).</summary>
    public static LineWithFaultyApi Start(FaultServer api, string dataDirectory, ManualTimeProvider? clock = null, IDictionary<string, string?>? settings = null, StorageProvider? provider = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Twilio:AuthToken"] = SignedWebhooks.DevAuthToken,
            ["Scheduling:BaseUrl"] = api.BaseAddress.ToString(),
            ["Scheduling:RetryCount"] = "0",
            ["Scheduling:TotalTimeout"] = CallBudget.ToString("c", CultureInfo.InvariantCulture),
            ["Scheduling:AttemptTimeout"] = (CallBudget - TimeSpan.FromSeconds(1)).ToString("c", CultureInfo.InvariantCulture),
            ["Scheduling:HealthProbeInterval"] = ProbeInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Scheduling:BreakerMinimumThroughput"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        clock ??= new ManualTimeProvider();
        var host = new IvrHostFactory(values, provider: provider).WithClock(clock);
        return new LineWithFaultyApi(api, clock, host.Start()); // started now: the readiness probe and the deferred submitter run from the start
    }

    /// <summary>A scheduling API that answers: ready, everyone eligible, every request queued (its id made from its key).</summary>
    public static void ScriptHealthyApi(FaultServer api)
    {
        api.Script(ReadinessProbe, Ready);
        api.Script("POST /v1/eligibility", Fault.Json("""{"eligible":true,"cohort":"seniors","opensOn":"2026-11-01"}"""));
        api.Script("POST /v1/booking-requests", Accepted);
    }

    public const string ReadinessProbe = "GET /health/ready";

    public static Fault Ready => Fault.Json("""{"status":"ready"}""");

    /// <summary>202 with a request id derived from the Idempotency-Key: the same key always gets the same id, as the real API does.</summary>
    public static Fault Accepted => Fault.From(request => Fault.Json(
        $$"""{"requestId":"{{RequestIdFor(request.Headers["Idempotency-Key"].ToString())}}","status":"queued","queuePosition":3,"estimatedOfferAt":null,"eligibleFrom":null}""",
        202));

    public static string RequestIdFor(string idempotencyKey) => "br_" + idempotencyKey[^12..];

    public SignedWebhooks NewCall(string from = "+14165550123") => new(_host.CreateClient(), SignedWebhooks.NewCallSid(), from);

    /// <summary>A plain client of the line (health, console).</summary>
    public HttpClient CreateClient() => _host.CreateClient();

    public SignedWebhooks Call(string callSid) => new(_host.CreateClient(), callSid);

    /// <summary>The API stops answering its readiness probe: two failed probes in a row and the line is Down.</summary>
    public Task GoDownAsync()
    {
        Api.Script(ReadinessProbe, Fault.Status(503));
        return ProbeUntilAsync(state => state == BackendHealthState.Down);
    }

    /// <summary>The API answers its probe again: the next probe lifts the line out of Down.</summary>
    public Task RecoverAsync()
    {
        Api.Script(ReadinessProbe, Ready);
        return ProbeUntilAsync(state => state != BackendHealthState.Down);
    }

    /// <summary>
    /// One probe interval at a time, each time waiting for that probe to reach the API and its answer to
    /// move the health — the clock stands still meanwhile, so no budget runs out under a probe in flight.
    /// </summary>
    private async Task ProbeUntilAsync(Func<BackendHealthState, bool> reached)
    {
        for (var probes = 0; !reached(Health.Current.State); probes++)
        {
            if (probes == 5)
            {
                throw new TimeoutException($"Five probes and the health is still {Health.Current}.");
            }

            var (arrived, state) = (Api.CountOf(ReadinessProbe), Health.Current.State);
            Clock.Advance(ProbeInterval);
            await Eventually.HoldsAsync(() => Api.CountOf(ReadinessProbe) > arrived, "the readiness probe reaches the API");
            await Eventually.HoldsAsync(() => Health.Current.State != state, $"the probe's answer moves the health from {state} (now {Health.Current})");
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
