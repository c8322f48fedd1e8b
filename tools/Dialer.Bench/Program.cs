using System.Globalization;
using PhoneBooking.Dialer.Bench;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Outbound;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.SchedulingClient;
using PhoneBooking.Twilio;

// Usage: dotnet run -c Release --project tools/Dialer.Bench -- [--count 1000] [--cps 10]
// The line's real dialer (hosted loop, SQLite queue and pacer, Twilio REST client) in this process, on the
// system clock, against a loopback Calls.json that only notes arrival times. Figures: docs/benchmarks.md.
var count = Option("--count", 1000);
var loadBefore = LoadAverage();
var cps = Option("--cps", 10.0);
var data = Directory.CreateTempSubdirectory("dialer-bench-");
await using var twilio = await TwilioCallsStub.StartAsync();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:DataDirectory"] = data.FullName,
    ["Scheduling:BaseUrl"] = "http://127.0.0.1:9/",
    ["Scheduling:ApiKey"] = PhoneBooking.SchedulingApi.Security.ApiKeys.New(), // nothing listens there: the bench dials callbacks already saved
    ["Twilio:AccountSid"] = "AC00000000000000000000000000000000",
    ["Twilio:AuthToken"] = "bench-token",
    ["Twilio:PhoneNumber"] = "+15550100000",
    ["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString().TrimEnd('/'),
    ["Callbacks:PublicBaseUrl"] = "https://line.example.org",
    ["Callbacks:CallsPerSecond"] = cps.ToString(CultureInfo.InvariantCulture),
    ["Callbacks:CallingHoursStart"] = "00:00:00",
    ["Callbacks:CallingHoursEnd"] = "1.00:00:00",
});
builder.Services.AddLineStorage(builder.Configuration);
builder.Services.AddCallSessions(builder.Configuration);
builder.Services.AddSchedulingClient(builder.Configuration);
builder.Services.AddTwilio(builder.Configuration);
builder.Services.AddPrompts(builder.Configuration);
builder.Services.AddOutboundPolicy(builder.Configuration);
builder.Services.AddVoice(builder.Configuration);
builder.Services.AddHandoffs(); // the dialer asks the door (Admission) whether the line has room, which counts waiting handoffs
builder.Services.AddCallbacks(builder.Configuration);
var lags = new System.Collections.Concurrent.ConcurrentQueue<double>();
using var listener = new System.Diagnostics.Metrics.MeterListener
{
    InstrumentPublished = (instrument, l) =>
    {
        if (instrument.Meter.Name == "PhoneBooking.Dialer" && instrument.Name == "phonebooking.dialer.pacing.lag")
        {
            l.EnableMeasurementEvents(instrument);
        }
    },
};
listener.SetMeasurementEventCallback<double>((_, value, _, _) => lags.Enqueue(value));
listener.Start();
await using var line = builder.Build();
await line.StartAsync();

// The burst: callbacks whose day has come (reminders due today), each for its own number, saved as the flow saves them.
var requests = line.Services.GetRequiredService<ICallbackRequests>();
var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
for (var i = 0; i < count; i++)
{
    var callSid = $"CA{i:D32}";
    await requests.SaveAsync(new CallbackRequest(CallbackRequest.IdFor(callSid, CallbackKind.Reminder, 0), CallbackKind.Reminder, callSid, $"+1613{2000000 + i:D7}", "en-CA", null, today), CancellationToken.None);
}

Console.WriteLine($"{count} ready callbacks saved; dialling at {cps} calls/s…");
var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(count / cps * 1.5 + 30);
while (twilio.Count < count && DateTime.UtcNow < deadline)
{
    await Task.Delay(200);
}

await line.StopAsync();
Console.WriteLine($"machine             {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {loadBefore} → {LoadAverage()}");
Console.WriteLine(PacingReport.From(twilio.Arrivals, cps) with { SlotLags = [.. lags] });
data.Delete(recursive: true);
return twilio.Count == count ? 0 : 1;

// The machine is shared: its 1-minute load average says how much the figures were disturbed.
static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

T Option<T>(string name, T fallback)
    where T : IParsable<T>
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? T.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
