using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.Line.Bench.Surge;

/// <summary>
/// Launch day on one machine (issue 16): a ramp of new calls from 1× to N× the line's capacity, callers paced
/// like people on a mix of journeys, each phase reported with issue 16's goals; then, if asked, the priority
/// figure: callers in the flow while new-call webhooks flood the door.
/// </summary>
internal static class SurgeBench
{
    /// <summary>Surge callers' numbers and birth dates start here, apart from the warm-up's.</summary>
    private const int FirstSurgeCaller = 200_000;

    public static async Task<int> RunAsync(SurgeOptions options)
    {
        await using var local = options.Url is null ? new LocalLine() : null;
        var line = options.Url ?? local!.Start().BaseAddress;
        using var metrics = new LineMetrics(options.MetricsFrom.Count > 0 ? options.MetricsFrom : [line]);
        var schedule = new SurgeSchedule(options.Capacity, options.Multiples, options.Hold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Line: {line} ({(local is null ? "running elsewhere" : $"in this process, data in {local.DataPath}")}); {Environment.ProcessorCount} cores; load average {Benchmark.LoadAverage()}
            Surge: capacity {options.Capacity:0.##} new calls/s; phases {string.Join(", ", schedule.Phases.Select(p => $"{p.Name} ({p.CallsPerSecond:0.##}/s)"))}, each {options.Hold.TotalSeconds:0} s; {schedule.TotalCalls} calls; callers {(options.Speedup == 1 ? "at people's pace" : $"{options.Speedup:0.##}x faster than people")}; seed {options.Seed}
            """));

        using var engine = new SoftphoneEngine(new SoftphoneOptions { AuthToken = options.AuthToken });
        var codes = new BookedCodes();
        if (!await JourneysWorkAloneAsync(engine, line, codes))
        {
            return 1;
        }

        var mix = new JourneyMix(options.Seed);
        var needed = (int)Math.Ceiling(schedule.TotalCalls * mix.ShareOf(JourneyKind.CheckAndCancel) * 1.25) + 5;
        await WarmUpAsync(engine, line, Math.Max(options.WarmUpCalls, needed), codes);

        var reports = await SurgeAsync(engine, line, schedule, mix, codes, metrics, options.Speedup);
        Console.WriteLine($"Load average after the surge: {Benchmark.LoadAverage()}; line metrics: {await metrics.ReadAsync()}");
        foreach (var report in reports)
        {
            Console.WriteLine(report);
            foreach (var goal in report.Goals())
            {
                Console.WriteLine($"      {goal}");
            }

            foreach (var (step, count) in report.Unfinished().Take(5))
            {
                Console.WriteLine($"      not finished: {count} stopped at {step}");
            }
        }

        Console.WriteLine(await CallbacksPlacedAsync(metrics, reports.Sum(r => r.CallbackQueued), options.CallbackWait));
        PrintTable(reports);
        foreach (var entry in local?.Logs.Summary() ?? [])
        {
            Console.WriteLine($"  line log: {entry}");
        }

        if (options.FloodConnections > 0)
        {
            await PriorityAsync(engine, line, options);
        }

        if (local is not null && !options.KeepData)
        {
            await local.DisposeAsync();
            local.DeleteData();
        }

        return 0;
    }

    /// <summary>Each journey once, alone: a surge of scripts that cannot pass on a quiet line would measure the scripts.</summary>
    private static async Task<bool> JourneysWorkAloneAsync(SoftphoneEngine engine, Uri line, BookedCodes codes)
    {
        var booking = await engine.RunScriptAsync(BookingCall.Dial(line, 99_999), BookingCall.Script(99_999));
        var code = BookedCodes.ReadBack(booking.Call.Transcript.Heard);
        var runs = new List<(string Name, ScriptRun Run)> { ("booking", booking) };
        if (code is not null)
        {
            runs.Add(("check and cancel", await engine.RunScriptAsync(BookingCall.Dial(line, 99_998), SurgeJourneys.CheckAndCancel(new BookedCode(code, BookingCall.BirthDate(99_999))))));
        }

        runs.Add(("group visit", await engine.RunScriptAsync(BookingCall.Dial(line, 99_997), SurgeJourneys.GroupVisit(VisitDay()))));
        runs.Add(("a person", await engine.RunScriptAsync(BookingCall.Dial(line, 99_996), SurgeJourneys.Person())));
        var failed = runs.Where(r => !r.Run.Passed || r.Run.Call.Transcript.Notifications.Count > 0).ToList();
        foreach (var (name, run) in failed)
        {
            Console.Error.WriteLine($"The {name} journey failed alone; not measuring.{Environment.NewLine}{run}");
        }

        if (code is null)
        {
            Console.Error.WriteLine("The booking call read back no confirmation code; not measuring.");
        }

        Console.WriteLine($"Each journey alone: {string.Join(", ", runs.Select(r => $"{r.Name} {r.Run.Call.Transcript.Webhooks.Count} webhooks"))}");
        return failed.Count == 0 && code is not null;
    }

    /// <summary>Unmeasured bookings first: a line in service is warm, and each gives a code for a check-and-cancel caller.</summary>
    private static async Task WarmUpAsync(SoftphoneEngine engine, Uri line, int calls, BookedCodes codes)
    {
        using var gate = new SemaphoreSlim(20);
        await Task.WhenAll(Enumerable.Range(100_000, calls).Select(async caller =>
        {
            await gate.WaitAsync();
            try
            {
                var run = await engine.RunScriptAsync(BookingCall.Dial(line, caller), BookingCall.Script(caller));
                if (BookedCodes.ReadBack(run.Call.Transcript.Heard) is { } code)
                {
                    codes.Add(new BookedCode(code, BookingCall.BirthDate(caller)));
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        Console.WriteLine($"Warm-up: {calls} bookings, {codes.Count} codes for check-and-cancel callers.");
    }

    private static async Task<List<PhaseReport>> SurgeAsync(SoftphoneEngine engine, Uri line, SurgeSchedule schedule, JourneyMix mix, BookedCodes codes, LineMetrics metrics, double speedup)
    {
        var visit = VisitDay();
        var outcomes = new ConcurrentBag<(SurgePhase Phase, CallOutcome Outcome)>();
        var snapshots = new LineMetrics.Snapshot[schedule.Phases.Count + 1];
        var clock = Stopwatch.StartNew();

        // The counters at each phase's start and at the end of the last: the line's own count of each phase's door.
        var scraping = Task.Run(async () =>
        {
            for (var i = 0; i <= schedule.Phases.Count; i++)
            {
                var at = i < schedule.Phases.Count ? schedule.Phases[i].Start : schedule.Length;
                await DelayUntil(clock, at);
                snapshots[i] = await metrics.ReadAsync();
            }
        });

        var calls = new List<Task>();
        foreach (var arrival in schedule.Arrivals())
        {
            var kind = mix.Next();
            var caller = FirstSurgeCaller + arrival.Sequence;
            CallScript script = kind switch
            {
                JourneyKind.CheckAndCancel when codes.TryTake(out var booked) => SurgeJourneys.CheckAndCancel(booked),
                JourneyKind.CheckAndCancel => throw new InvalidOperationException("The warm-up booked too few codes for the check-and-cancel callers."),
                JourneyKind.GroupVisit => SurgeJourneys.GroupVisit(visit),
                JourneyKind.Person => SurgeJourneys.Person(),
                _ => BookingCall.Script(caller),
            };
            await DelayUntil(clock, arrival.At);
            calls.Add(Task.Run(async () =>
            {
                var deferring = new DeferringCaller(script);
                var call = await engine.DialAsync(BookingCall.Dial(line, caller), new PacedCaller(deferring, speedup));
                outcomes.Add((arrival.Phase, CallOutcome.Classify(
                    kind,
                    call.Transcript.Heard,
                    deferring.Deferred,
                    deferring.Verdict.Passed,
                    call.Transcript.Notifications.Any(n => n.Level == Softphone.Platform.NotificationLevel.Error),
                    [.. call.Transcript.Webhooks.Select(WebhookFigure.Of)]) with { StoppedAt = deferring.Verdict.FailedStep?.Describe() }));
            }));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"All {calls.Count} calls dialled in {clock.Elapsed.TotalSeconds:F1} s (schedule: {schedule.Length.TotalSeconds:F0} s); waiting for the last to end..."));
        await scraping;
        await Task.WhenAll(calls);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Every call ended {clock.Elapsed.TotalSeconds:F1} s after the first dialled."));
        return [.. schedule.Phases.Select(phase => new PhaseReport(
            phase,
            [.. outcomes.Where(o => o.Phase == phase).Select(o => o.Outcome)],
            snapshots[phase.Index + 1].Since(snapshots[phase.Index])))];
    }

    /// <summary>
    /// The goal's last line: every call back queued at the door is placed once the surge falls. Read from the
    /// dialer's counter, for as long as <paramref name="wait"/>; a line whose dialer is off or has no counter says so.
    /// </summary>
    private static async Task<string> CallbacksPlacedAsync(LineMetrics metrics, int queued, TimeSpan wait)
    {
        const string Goal = "deferred call backs all placed once the surge falls";
        if (queued == 0)
        {
            return $"n/a   {Goal}: no call back was queued at the door";
        }

        var start = await metrics.ReadAsync();
        if (start.CallbacksPlaced is null)
        {
            return $"n/a   {Goal}: {queued} queued; the line has no {LineMetrics.CallbacksPlaced} (dialer off or no /metrics)";
        }

        var clock = Stopwatch.StartNew();
        double placed;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            placed = ((await metrics.ReadAsync()).CallbacksPlaced ?? 0) - start.CallbacksPlaced.Value;
        }
        while (placed < queued && clock.Elapsed < wait);
        return string.Create(CultureInfo.InvariantCulture, $"{(placed >= queued ? "PASS" : "FAIL")}  {Goal}: {placed:0} placed of {queued} queued, {clock.Elapsed.TotalSeconds:F0} s after the last call ended");
    }

    /// <summary>Issue 16's priority figure: callers in the flow, never pausing, while unique signed new calls flood the door.</summary>
    private static async Task PriorityAsync(SoftphoneEngine engine, Uri line, SurgeOptions options)
    {
        const int InFlow = 10;
        Console.WriteLine($"Priority: {InFlow} callers booking, never pausing, while {options.FloodConnections} connections flood /voice with new calls for {options.FloodLength.TotalSeconds:0} s; load average {Benchmark.LoadAverage()}");
        using var stop = new CancellationTokenSource();
        var inFlow = new ConcurrentBag<double>();
        var booked = 0;
        var flood = new DoorFlood(line, options.AuthToken, options.FloodConnections).RunAsync(options.FloodLength, CancellationToken.None);
        var callers = Enumerable.Range(0, InFlow).Select(async loop =>
        {
            for (var caller = 300_000 + (loop * 10_000); !flood.IsCompleted; caller++)
            {
                var run = await engine.RunScriptAsync(BookingCall.Dial(line, caller), BookingCall.Script(caller));
                // The first webhook is the door itself; the rest are the flow that must keep its priority.
                foreach (var webhook in run.Call.Transcript.Webhooks.Skip(1))
                {
                    inFlow.Add(webhook.Latency.TotalMilliseconds);
                }

                Interlocked.Add(ref booked, run.Passed ? 1 : 0);
            }
        }).ToList();
        var result = await flood;
        await Task.WhenAll(callers);
        var latency = new LatencySummary(inFlow);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
              door: {result}
              in the flow: {booked} bookings; webhooks after the first {latency}
              {(latency.Count > 0 && latency.Percentile(1) <= 300 ? "PASS" : "FAIL")}  a caller in the flow books with no webhook slower than 300 ms while the door floods
            Load average after: {Benchmark.LoadAverage()}
            """));
    }

    /// <summary>The markdown row per phase for docs/capacity.md.</summary>
    private static void PrintTable(IReadOnlyList<PhaseReport> reports)
    {
        Console.WriteLine("| phase | calls/s | offered | admitted | deferred (queued) | finished / admitted | booked | to a person | webhook p50 / p99 / max | 5xx | timeouts | line: admitted / shed |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in reports)
        {
            var max = r.Latency.Count == 0 ? double.NaN : r.Latency.Percentile(1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Phase.Name} | {r.Phase.CallsPerSecond:0.##} | {r.Offered} | {r.Admitted} | {r.Deferred} ({r.CallbackQueued}) | {r.Finished} ({r.FinishedShare:P1}) | {r.Booked} | {r.HandedOff} | {r.Latency.Percentile(0.5):F0} / {r.Latency.Percentile(0.99):F0} / {max:F0} ms | {r.ServerErrors} | {r.TimedOut} | {Counter(r.Line.Admitted)} / {Counter(r.Line.Shed)} |"));
        }
    }

    private static string Counter(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A day two weeks ahead for a group visit (the line asks month and day).</summary>
    private static DateOnly VisitDay() => DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date).AddDays(14);

    private static async Task DelayUntil(Stopwatch clock, TimeSpan at)
    {
        var wait = at - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
