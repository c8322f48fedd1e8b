using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Storage;
using PhoneBooking.Testing;
using PhoneBooking.Testing.Postgres;

namespace PhoneBooking.IvrHost.Tests.Storage.Postgres;

/// <summary>
/// PostgreSQL lost while the line runs (issue 14, bad input and failure): the balancer is told (readiness fails),
/// every webhook still answers with the way to a person in time, nothing is half-written, the background loops
/// live through it, and calls carry on once the database is back. The cluster is the test's own, crashed with
/// <c>pg_ctl stop -m immediate</c>; the scheduling API is the fault server, healthy unless a step says otherwise.
/// </summary>
public sealed class PostgresOutageTests : FaultyApiTest
{
    /// <summary>Twilio gives up on a webhook after 15 s and plays its own "application error" instead.</summary>
    private static readonly TimeSpan TwilioWebhookTimeout = TimeSpan.FromSeconds(15);

    private PostgresServer _postgres = null!;
    private string _database = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _postgres = await PostgresServer.StartNewAsync();
        _database = await _postgres.CreateDatabaseAsync("line");
    }

    public override async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task PostgresLost_MidCall_ReadinessFailsWebhooksHandOffAndCallsCarryOnWhenItReturns()
    {
        using var twilio = TwilioApiStub.Start();
        await using var line = Start(twilio);
        using var client = line.CreateClient();
        var lost = line.NewCall(); // the next key it sends arrives while the database is gone
        var waiting = line.NewCall("+14165550124"); // listening to a prompt through the outage
        await Caller.UntilBirthDateConfirmationAsync(lost);
        await Caller.UntilBirthDateConfirmationAsync(waiting);
        var before = await SessionRowsAsync();
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).Status);

        await _postgres.StopAsync();

        var (status, checks) = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", checks.GetProperty("sessions").GetProperty("status").GetString());
        var ringing = line.NewCall("+14165550125");
        var outage = new[]
        {
            await TimedAsync(lost, $"/voice/input?turn={lost.Turn}", lost.Fields(("Digits", "1"))),
            await TimedAsync(ringing, "/voice", ringing.Fields(("CallStatus", "ringing"))),
            await TimedAsync(lost, $"/voice/input?turn={lost.Turn}", lost.Fields()),
        };
        foreach (var (answered, took) in outage)
        {
            Assert.True(took < TwilioWebhookTimeout, $"a webhook took {took} while PostgreSQL was down");
            Assert.Contains("Sorry, we are having a problem. Please stay on the line for a person.", SignedWebhooks.Heard(answered), StringComparison.Ordinal);
            Assert.Single(answered.Descendants("Enqueue"));
        }

        // The loops run their passes against the missing database (the deferred submitter every minute, the dialer every second).
        line.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(() => line.Logs.Records.Any(e => e.Category.EndsWith("DeferredSubmitter", StringComparison.Ordinal) && e.Exception is not null), "the deferred submitter's pass fails");
        await Eventually.HoldsAsync(() => line.Logs.Records.Any(e => e.Category.EndsWith("DialerService", StringComparison.Ordinal) && e.Exception is not null), "the dialer's pass fails");

        await _postgres.StartAsync();

        Assert.False(line.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "the host kept running");
        await Eventually.HoldsAsync(async () => (await ReadyAsync(client)).Status == HttpStatusCode.OK, "ready again once PostgreSQL is back");
        Assert.Equal(before, await SessionRowsAsync()); // nothing written while it was down, nothing half-written
        var carriedOn = SignedWebhooks.Heard(await waiting.PressAsync("1")); // that is my birth date
        Assert.Contains("Next, when are you free?", carriedOn, StringComparison.Ordinal);
        var fresh = line.NewCall("+14165550126");
        Assert.Contains("For English, press 1", SignedWebhooks.Heard(await fresh.DialAsync()), StringComparison.Ordinal);

        // The dialer's loop is still there: a callback saved now is placed at Twilio.
        await line.Services.GetRequiredService<ICallbackRequests>().SaveAsync(DialerHost.Callback("+14162223344", callSid: fresh.CallSid), CancellationToken.None);
        await line.Clock.AdvanceUntilAsync(() => twilio.Calls.Count == 1, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task PostgresLost_WithDeferredRequestsWaiting_TheyAreSentOnceWhenItReturns()
    {
        await using var line = Start();
        await line.GoDownAsync();
        var call = line.NewCall();
        await Caller.DeferredRequestAsync(call);

        await _postgres.StopAsync();
        await line.RecoverAsync(); // the API is back first: the submitter wakes and finds no database
        await Eventually.HoldsAsync(() => line.Logs.Records.Any(e => e.Category.EndsWith("DeferredSubmitter", StringComparison.Ordinal) && e.Exception is not null), "the deferred submitter's pass fails");
        Assert.Equal(0, Api.CountOf("POST /v1/booking-requests"));
        await _postgres.StartAsync();
        line.Clock.Advance(TimeSpan.FromMinutes(1)); // its next regular pass

        await Eventually.HoldsAsync(() => Api.CountOf("POST /v1/booking-requests") == 1, "the deferred request is sent");
        Assert.Equal([Caller.SubmitKey(call)], Api.Received.Where(r => r.Route == "POST /v1/booking-requests").Select(r => r.IdempotencyKey));
        Assert.False(line.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "the host kept running");
    }

    private LineWithFaultyApi Start(TwilioApiStub? twilio = null)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = _database };
        if (twilio is not null)
        {
            settings["Callbacks:DialerEnabled"] = "true";
            settings["Callbacks:PublicBaseUrl"] = "http://localhost";
            settings["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString();
        }

        return LineWithFaultyApi.Start(Api, Data.Path, new ManualTimeProvider(DialerHost.Afternoon), settings, StorageProvider.Postgres);
    }

    private async Task<string> SessionRowsAsync()
    {
        // Not pooled: a pooled connection from before the crash would be dead.
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(_database) { Pooling = false }.ConnectionString);
        var rows = await connection.QueryAsync<(string CallSid, long Version, string Payload)>("SELECT call_sid, version, payload FROM call_sessions ORDER BY call_sid");
        return string.Join('\n', rows);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Checks)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("checks").Clone());
    }

    private static async Task<(XDocument Answered, TimeSpan Took)> TimedAsync(SignedWebhooks call, string path, IDictionary<string, string> fields)
    {
        var watch = Stopwatch.StartNew();
        using var response = await call.PostAsync(path, fields);
        var took = watch.Elapsed;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (XDocument.Parse(await response.Content.ReadAsStringAsync()), took);
    }
}
