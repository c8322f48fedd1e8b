using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Webhooks;

namespace PhoneBooking.Line.Bench;

/// <summary>
/// One booking call alone (its transcript gives webhooks and spoken seconds per booking call), a warm-up,
/// then N scripted booking calls through the softphone engine, C at a time: every webhook signed and
/// answered over loopback HTTP, every call's state in the line's SQLite store. Reports webhooks/s and
/// latency as the softphone (Twilio's side) saw them, and for a line in this process where its time went.
/// </summary>
internal static class Benchmark
{
    /// <summary>About how long a booking call lasts for a person (what <see cref="OneBookingAsync"/> reports).</summary>
    private static readonly TimeSpan CallLength = TimeSpan.FromSeconds(150);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        using var timings = options.Url is null ? new ServerTimings() : null;
        await using var local = options.Url is null ? new LocalLine() : null;
        var line = options.Url ?? local!.Start().BaseAddress;
        Console.WriteLine($"Line: {line} ({(local is null ? "running elsewhere" : $"in this process, data in {local.DataPath}")}); {Environment.ProcessorCount} cores; load average {LoadAverage()}");

        using var engine = new SoftphoneEngine(new SoftphoneOptions { AuthToken = options.AuthToken });
        var exitCode = await OneBookingAsync(engine, line);
        if (exitCode != 0)
        {
            return exitCode;
        }

        await WarmUpAsync(engine, line, options.WarmUpCalls, inProcess: local is not null);

        timings?.Reset();
        local?.Logs.Reset();
        exitCode = await LoadAsync(engine, line, options);
        Console.WriteLine($"Load average after: {LoadAverage()}");
        foreach (var entry in local?.Logs.Summary() ?? [])
        {
            Console.WriteLine($"  line log: {entry}");
        }

        if (timings is not null)
        {
            Console.WriteLine("Server side, by route (costliest first):");
            foreach (var (route, latency, total) in timings.ByRoute())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {route,-48} {total,8:F1} s in all  {latency}"));
            }
        }

        if (local is not null && !options.KeepData)
        {
            await local.DisposeAsync();
            local.DeleteData();
        }

        return exitCode;
    }

    /// <summary>One booking call alone: what a booking costs in webhooks and listening time, and a check the line works.</summary>
    private static async Task<int> OneBookingAsync(SoftphoneEngine engine, Uri line)
    {
        var run = await engine.RunScriptAsync(BookingCall.Dial(line, 99_999), BookingCall.Script(99_999));
        if (!run.Passed || run.Call.Transcript.Notifications.Count > 0)
        {
            Console.Error.WriteLine($"The first booking call failed; not measuring.{Environment.NewLine}{run}");
            return 1;
        }

        var webhooks = run.Call.Transcript.Webhooks;
        var spoken = new SpokenEstimate().Of(run.Call.Transcript);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            One booking call: {webhooks.Count} webhooks ({Describe(webhooks)}), {run.Call.Duration.TotalSeconds:F0} s on the line (softphone clock).
            Spoken: {spoken.FromCatalog.TotalSeconds:F0} s by the prompt catalog's estimate (150 words a minute, pauses; {spoken.PromptIds.Count} prompts{(spoken.Unmatched.Count > 0 ? $", {spoken.Unmatched.Count} not traced to a prompt" : "")}), {spoken.AsHeard.TotalSeconds:F0} s by the words actually heard.
            Prompts heard: {string.Join(", ", spoken.PromptIds)}{(spoken.Unmatched.Count > 0 ? $"; not traced: {string.Join(" | ", spoken.Unmatched)}" : "")}
            """));
        return 0;
    }

    /// <summary>
    /// A line in service has run for hours: its code is compiled at full optimization (tiered JIT) and its
    /// pools are filled. Unmeasured calls first, so the figures are that line's, not a cold start's. In this
    /// process the JIT can be watched: batches run until one compiles almost nothing new.
    /// </summary>
    private static async Task WarmUpAsync(SoftphoneEngine engine, Uri line, int maxCalls, bool inProcess)
    {
        const int Batch = 200;
        var calls = 0;
        var compiled = JitInfo.GetCompiledMethodCount();
        while (calls < maxCalls)
        {
            var count = Math.Min(Batch, maxCalls - calls);
            await RunCallsAsync(engine, line, first: 100_000 + calls, count, concurrency: 20);
            calls += count;
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = JitInfo.GetCompiledMethodCount();
            Console.WriteLine(inProcess ? $"  warm-up: {calls} calls; {now - compiled} methods compiled during the last batch" : $"  warm-up: {calls} calls");
            if (inProcess && now - compiled < 50)
            {
                break;
            }

            compiled = now;
        }
    }

    private static async Task<int> LoadAsync(SoftphoneEngine engine, Uri line, BenchOptions options)
    {
        Console.WriteLine(options.Speedup > 0
            ? $"{options.Calls} booking calls, {options.Concurrency} at a time, callers listening and keying {options.Speedup}x faster than people, starting over {CallLength.TotalSeconds / options.Speedup:F1} s..."
            : $"{options.Calls} booking calls, {options.Concurrency} at a time, callers never pausing...");
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var linesBefore = LineProcesses.CpuTime(options.CpuOf);
        var gcBefore = GC.CollectionCount(0);
        var started = Stopwatch.GetTimestamp();
        var runs = await RunCallsAsync(engine, line, first: 0, options.Calls, options.Concurrency, options.Speedup);
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var linesCpu = LineProcesses.CpuTime(options.CpuOf) - linesBefore;

        var webhooks = runs.SelectMany(r => r.Call.Transcript.Webhooks).ToList();
        var latency = new LatencySummary(webhooks.Select(w => w.Latency.TotalMilliseconds));
        var passed = runs.Count(r => r.Passed && r.Call.Transcript.Notifications.Count == 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Done in {elapsed.TotalSeconds:F1} s: {passed} of {runs.Length} calls completed their booking; {webhooks.Count} webhooks = {webhooks.Count / elapsed.TotalSeconds:F0} webhooks/s ({Describe(webhooks)}).
            Webhook latency (softphone side): {latency}
            CPU: {cpu.TotalSeconds:F1} s of this process in {elapsed.TotalSeconds:F1} s = {cpu.TotalMilliseconds / webhooks.Count:F2} ms per webhook (softphone{(options.Url is null ? ", line and scheduling API" : "")} together); {GC.CollectionCount(0) - gcBefore} gen-0 GCs.
            """));
        if (options.CpuOf is { } pids)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Line processes ({string.Join(',', pids)}): {linesCpu.TotalSeconds:F1} s CPU = {linesCpu.TotalMilliseconds / webhooks.Count:F2} ms per webhook"));
        }

        foreach (var (purpose, group) in webhooks.GroupBy(w => w.Purpose).Select(g => (g.Key, g.ToList())))
        {
            Console.WriteLine($"  {purpose,-16} {new LatencySummary(group.Select(w => w.Latency.TotalMilliseconds))}");
        }

        ReportFailures(runs);
        return passed == runs.Length ? 0 : 1;
    }

    private static async Task<ScriptRun[]> RunCallsAsync(SoftphoneEngine engine, Uri line, int first, int count, int concurrency, double speedup = 0)
    {
        using var gate = new SemaphoreSlim(concurrency);
        return await Task.WhenAll(Enumerable.Range(first, count).Select(async caller =>
        {
            if (speedup > 0)
            {
                // Callers arrive at random moments over one call's length, as they would with that many on the line.
                await Task.Delay(CallLength * Random.Shared.NextDouble() / speedup);
            }

            await gate.WaitAsync();
            try
            {
                if (speedup <= 0)
                {
                    return await engine.RunScriptAsync(BookingCall.Dial(line, caller), BookingCall.Script(caller));
                }

                var scripted = new ScriptedCaller(BookingCall.Script(caller));
                var call = await engine.DialAsync(BookingCall.Dial(line, caller), new PacedCaller(scripted, speedup));
                return new ScriptRun(call, scripted.Verdict);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static void ReportFailures(ScriptRun[] runs)
    {
        var notifications = runs.SelectMany(r => r.Call.Transcript.Notifications).GroupBy(n => $"{n.Level} {n.Code}").ToList();
        foreach (var group in notifications)
        {
            Console.WriteLine($"Twilio {group.Key}: {group.Count()} (e.g. {group.First()})");
        }

        var failed = runs.Where(r => !r.Passed).ToList();
        foreach (var group in failed.GroupBy(r => r.Verdict.FailedStep?.Describe() ?? "?"))
        {
            Console.WriteLine($"Script failed at {group.Key}: {group.Count()} calls (e.g. {group.First().Verdict.Reason})");
        }

        if (failed.Count > 0)
        {
            Console.WriteLine($"First failed call:{Environment.NewLine}{failed[0].Call}");
        }
    }

    private static string Describe(IEnumerable<WebhookExchange> webhooks) =>
        string.Join(", ", webhooks.GroupBy(w => w.Purpose).Select(g => $"{g.Count()} {g.Key}"));

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
