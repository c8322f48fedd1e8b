using System.Diagnostics;
using System.Net;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Hosting;

/// <summary>
/// SIGTERM to the line as a real process (its built dll, <see cref="ServiceProcess"/>), the scheduling API a
/// fault server that takes its time with the booking request: the webhook waiting on it is what a deploy
/// must not cut off. Readiness fails first, the webhook still gets its answer, the process exits 0 —
/// and a webhook that outlasts <c>Shutdown:Timeout</c> does not keep the process alive past it.
/// </summary>
[Trait(WholeMachine.Trait, WholeMachine.Value)]
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private const string BookingRequests = "POST /v1/booking-requests";

    private readonly TempDirectory _data = new();
    private FaultServer _api = null!;

    public async Task InitializeAsync()
    {
        _api = await FaultServer.StartAsync();
        LineWithFaultyApi.ScriptHealthyApi(_api);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Sigterm_WebhookInFlight_ReadinessFailsThenTheWebhookIsAnsweredAndTheProcessExits0()
    {
        _api.Script(BookingRequests, Fault.Slow(TimeSpan.FromSeconds(3), LineWithFaultyApi.Accepted));
        await using var line = await StartLineAsync(drainDelay: TimeSpan.FromSeconds(1), timeout: TimeSpan.FromSeconds(20));
        using var http = Http(line);
        var call = new SignedWebhooks(http, SignedWebhooks.NewCallSid());
        await Caller.UntilWaitChoiceAsync(call);

        var waitOnTheLine = call.PressAsync("1"); // submits: the API holds it 3 s
        await Eventually.HoldsAsync(() => _api.CountOf(BookingRequests) == 1, "the webhook is waiting on the API");
        var terminated = Stopwatch.GetTimestamp();
        line.Terminate();

        await Eventually.HoldsAsync(async () => (await http.GetAsync("health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, "readiness fails");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/live")).StatusCode);
        Assert.False(waitOnTheLine.IsCompleted, "readiness failed before the webhook in flight finished");

        var answer = await waitOnTheLine;
        Assert.Contains("We are looking for a time for you", SignedWebhooks.Heard(answer), StringComparison.Ordinal);
        Assert.Equal(0, await line.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.InRange(Stopwatch.GetElapsedTime(terminated), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Contains("Drained after", line.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_NothingInFlight_ExitsAfterTheDrainDelay()
    {
        await using var line = await StartLineAsync(drainDelay: TimeSpan.FromSeconds(1), timeout: TimeSpan.FromSeconds(20));
        var terminated = Stopwatch.GetTimestamp();

        line.Terminate();

        Assert.Equal(0, await line.WaitForExitAsync(TimeSpan.FromSeconds(15)));
        Assert.InRange(Stopwatch.GetElapsedTime(terminated), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Sigterm_WebhookOutlastsTheTimeout_ProcessExitsWithinTheBound()
    {
        _api.Script(BookingRequests, Fault.Hang());
        await using var line = await StartLineAsync(drainDelay: TimeSpan.Zero, timeout: TimeSpan.FromSeconds(3));
        using var http = Http(line);
        var call = new SignedWebhooks(http, SignedWebhooks.NewCallSid());
        await Caller.UntilWaitChoiceAsync(call);
        var stuck = call.PostAsync($"/voice/input?turn={call.Turn}", call.Fields(("Digits", "1")));
        await Eventually.HoldsAsync(() => _api.CountOf(BookingRequests) == 1, "the webhook is stuck on the API");
        var terminated = Stopwatch.GetTimestamp();

        line.Terminate();

        await line.WaitForExitAsync(TimeSpan.FromSeconds(15));
        Assert.InRange(Stopwatch.GetElapsedTime(terminated), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));
        Assert.Contains("Shutdown:Timeout ran out with 1 requests in flight", line.Output, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => stuck);
    }

    private async Task<ServiceProcess> StartLineAsync(TimeSpan drainDelay, TimeSpan timeout)
    {
        var line = ServiceProcess.Start("IvrHost", "PhoneBooking.IvrHost", new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // the local auth token the signer uses
            ["Storage:DataDirectory"] = _data.Path,
            ["Scheduling:BaseUrl"] = _api.BaseAddress.ToString(),
            ["Scheduling:RetryCount"] = "0",
            ["Scheduling:AttemptTimeout"] = "00:00:13",
            ["Scheduling:TotalTimeout"] = "00:00:14",
            ["Callbacks:DialerEnabled"] = "false",
            ["Shutdown:DrainDelay"] = drainDelay.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Shutdown:Timeout"] = timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        });
        await line.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return line;
    }

    private static HttpClient Http(ServiceProcess line) => new() { BaseAddress = line.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
}
