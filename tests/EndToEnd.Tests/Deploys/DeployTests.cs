using System.Collections.Concurrent;
using System.Globalization;
using PhoneBooking.EndToEnd.Tests.Calls;
using PhoneBooking.EndToEnd.Tests.Hosting;
using PhoneBooking.Testing.Line;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Cloud;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Testing;

namespace PhoneBooking.EndToEnd.Tests.Deploys;

/// <summary>
/// Deploys that drop nothing (issue 16): the line as real processes (built dlls) behind Debian's HAProxy,
/// the scheduling API a process of its own, and booking calls running all through the deploy — each
/// instance replaced as deploy/kubernetes/line.yaml does it (maxSurge 1, maxUnavailable 0): the new version
/// starts on a spare slot and the balancer sees it UP, then the old one gets SIGTERM (drain: readiness fails,
/// webhooks in flight finish, exit 0). Every call must book, every webhook must be answered (no failure
/// Twilio would see, no fallback).
/// </summary>
[Trait(WholeMachine.Trait, WholeMachine.Value)]
public sealed class DeployTests : IAsyncLifetime
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _data = new();
    private readonly SoftphoneEngine _phone = new(new SoftphoneOptions { HoldPacing = TimeSpan.FromMilliseconds(20) });
    private LocalTwilioCloud _cloud = null!;
    private ServiceProcess _api = null!;

    // Every line process still running: a failed assertion must not leave them behind for the next tests.
    private readonly List<ServiceProcess> _running = [];

    public async Task InitializeAsync()
    {
        _cloud = await LocalTwilioCloud.StartAsync(_phone);
        _api = ServiceProcess.Start("SchedulingApi", "PhoneBooking.SchedulingApi", ApiSettings());
        await _api.WaitUntilReadyAsync(ReadyWithin);
    }

    public async Task DisposeAsync()
    {
        foreach (var line in _running)
        {
            await line.DisposeAsync();
        }

        await _api.DisposeAsync();
        await _cloud.DisposeAsync();
        _phone.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Deploy_OneInstanceReplacedDuringCalls_EveryCallBooksAndNoWebhookFails()
    {
        var slots = Slots(instances: 1);
        var lines = new[] { await StartLineAsync(slots[0].Blue) };
        await using var proxy = await Haproxy.StartAsync(AllPorts(slots));

        var calls = await CallThroughAsync(proxy, () => ReplaceAsync(proxy, lines, slots, 0));

        AssertEveryCallBookedCleanly(calls);
        await StopAllAsync(lines);
    }

    [Fact]
    public async Task RollingDeploy_TwoInstancesReplacedDuringCalls_EveryCallBooksAndNoWebhookFails()
    {
        var slots = Slots(instances: 2);
        var lines = new[] { await StartLineAsync(slots[0].Blue), await StartLineAsync(slots[1].Blue) };
        await using var proxy = await Haproxy.StartAsync(AllPorts(slots));

        var calls = await CallThroughAsync(proxy, async () =>
        {
            await ReplaceAsync(proxy, lines, slots, 0);
            await ReplaceAsync(proxy, lines, slots, 1);
        });

        AssertEveryCallBookedCleanly(calls);
        await StopAllAsync(lines);
    }

    /// <summary>
    /// Booking calls, <see cref="Concurrency"/> at a time, from the moment calls are flowing until <paramref name="deploy"/> is done
    /// and one more round after it: every instance restart lands in the middle of calls.
    /// </summary>
    private async Task<IReadOnlyList<ScriptRun>> CallThroughAsync(Haproxy proxy, Func<Task> deploy)
    {
        const int Concurrency = 6;
        var runs = new ConcurrentQueue<ScriptRun>();
        var deployed = false;
        var next = 0;
        var callers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            var roundsAfterDeploy = 0;
            while (roundsAfterDeploy < 1)
            {
                roundsAfterDeploy += Volatile.Read(ref deployed) ? 1 : 0;
                var caller = Interlocked.Increment(ref next);
                runs.Enqueue(await _phone.RunScriptAsync(Dial(proxy, caller), Scripts.BookUntilCode().Finish()));
            }
        }).ToList();

        await Eventually.HoldsAsync(() => runs.Count >= Concurrency, "calls are flowing before the deploy");
        await deploy();
        Volatile.Write(ref deployed, true);
        await Task.WhenAll(callers);
        return [.. runs];
    }

    private static void AssertEveryCallBookedCleanly(IReadOnlyList<ScriptRun> calls)
    {
        Assert.All(calls, call => call.AssertPassedCleanly());
        Assert.All(calls, call => Assert.DoesNotContain(call.Call.Transcript.Webhooks, w => w.Purpose.Contains("fallback", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(calls.Count, calls.Select(c => c.Call.ConfirmationCode()).Distinct().Count());
    }

    /// <summary>
    /// The new version on the instance's spare slot, UP in the balancer's own checks, then SIGTERM to the old one and a
    /// clean exit within the bound. With one instance there is no other to carry the calls while it restarts: starting
    /// the replacement first is what keeps "no webhook fails" true (a stop-then-start left HAProxy with no server).
    /// </summary>
    private async Task ReplaceAsync(Haproxy proxy, ServiceProcess[] lines, (int Blue, int Green)[] slots, int index)
    {
        var old = lines[index];
        var spare = old.BaseAddress.Port == slots[index].Blue ? slots[index].Green : slots[index].Blue;
        lines[index] = await StartLineAsync(spare);
        await proxy.WaitUntilUpAsync(spare, ReadyWithin);

        old.Terminate();
        Assert.Equal(0, await old.WaitForExitAsync(ExitWithin));
        Assert.Contains("Drained after", old.Output, StringComparison.Ordinal);
        await StoppedAsync(old);
    }

    /// <summary>Two balancer slots per instance: the one it runs on and the one its next version starts on.</summary>
    private static (int Blue, int Green)[] Slots(int instances) =>
        [.. Enumerable.Range(0, instances).Select(_ => (ServiceProcess.FreePort(), ServiceProcess.FreePort()))];

    private static int[] AllPorts((int Blue, int Green)[] slots) => [.. slots.SelectMany(s => new[] { s.Blue, s.Green })];

    private async Task StopAllAsync(ServiceProcess[] lines)
    {
        foreach (var line in lines)
        {
            line.Terminate();
            Assert.Equal(0, await line.WaitForExitAsync(ExitWithin));
            await StoppedAsync(line);
        }
    }

    private async Task StoppedAsync(ServiceProcess line)
    {
        _running.Remove(line);
        await line.DisposeAsync();
    }

    private async Task<ServiceProcess> StartLineAsync(int port)
    {
        var line = ServiceProcess.Start("IvrHost", "PhoneBooking.IvrHost", new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // the local auth token the softphone signs with, the API's development key
            ["Storage:DataDirectory"] = Path.Combine(_data.Path, "line"),
            ["Scheduling:BaseUrl"] = _api.BaseAddress.ToString(),

            // Up to 12 s per API call (inside Twilio's 15 s), as the other end-to-end tests: CI shares two cores.
            ["Scheduling:AttemptTimeout"] = "00:00:06",
            ["Scheduling:TotalTimeout"] = "00:00:12",
            ["Twilio:ApiBaseUrl"] = _cloud.BaseUrl.ToString().TrimEnd('/'),
            ["Callbacks:DialerEnabled"] = "false",

            // HAProxy checks every 250 ms and takes an instance out after two failures: a second of readiness failing is four checks.
            ["Shutdown:DrainDelay"] = "00:00:01",
            ["Shutdown:Timeout"] = "00:00:20",
        }, port);
        _running.Add(line);
        await line.WaitUntilReadyAsync(ReadyWithin);
        return line;
    }

    private Dictionary<string, string?> ApiSettings()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        return new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // demo sites and staffing, a generated HMAC key
            ["Storage:DataDirectory"] = Path.Combine(_data.Path, "api"),

            // The line's development key (its appsettings.Development.json), whose hash the API's own file holds but does not ship.
            ["ApiClients:phone-line:Role"] = "PhoneLine",
            ["ApiClients:phone-line:KeySha256:0"] = "e29484955358db660d663919fe23c112b90839de057d9c675dae38dfe8b37ab8",
            ["Shutdown:DrainDelay"] = "00:00:00",
            ["Eligibility:Cohorts:0:Name"] = "seniors",
            ["Eligibility:Cohorts:0:BornOnOrBefore"] = "1956-12-31",
            ["Eligibility:Cohorts:0:OpensOn"] = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Eligibility:Cohorts:1:Name"] = "everyone-else",
        };
    }

    /// <summary>Each caller their own number: a shared one would be offered to resume another's call.</summary>
    private static DialRequest Dial(Haproxy proxy, int caller) => new()
    {
        VoiceUrl = new Uri(proxy.BaseAddress, "voice"),
        StatusCallbackUrl = new Uri(proxy.BaseAddress, "voice/status"),
        FallbackUrl = new Uri(proxy.BaseAddress, "voice/fallback"),
        From = string.Create(CultureInfo.InvariantCulture, $"+1613{5560000 + caller:D7}"),
    };
}
