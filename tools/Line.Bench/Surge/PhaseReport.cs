using System.Globalization;

namespace PhoneBooking.Line.Bench.Surge;

/// <summary>The line's own counts over a phase (deltas of its /metrics counters); null where the line has no such counter.</summary>
internal sealed record LineCounts(double? Admitted, double? Shed)
{
    public static readonly LineCounts None = new(null, null);
}

/// <summary>A goal of issue 16 checked on a phase: pass, fail, or not measurable here (with why).</summary>
internal sealed record GoalResult(string Goal, bool? Passed, string Detail)
{
    public override string ToString() => $"{(Passed switch { true => "PASS", false => "FAIL", null => "n/a " })}  {Goal}: {Detail}";
}

/// <summary>What a phase's callers got, summed: the figures per phase and the goals at 2×, 5× and 10× capacity.</summary>
internal sealed class PhaseReport(SurgePhase phase, IReadOnlyList<CallOutcome> calls, LineCounts line)
{
    /// <summary>No webhook a caller waits on may take longer (issue 16: "0 webhooks over 2 s").</summary>
    public const double SlowWebhookMilliseconds = 2_000;

    /// <summary>Of the calls the line admitted, at least this share must finish their journey.</summary>
    public const double FinishedShareGoal = 0.99;

    private readonly LatencySummary _latency = new(calls.SelectMany(c => c.Webhooks).Where(w => w.Status is not null).Select(w => w.Milliseconds));

    public SurgePhase Phase => phase;

    public int Offered => calls.Count;

    public int Admitted => calls.Count(c => !c.Deferred);

    public int Deferred => calls.Count(c => c.Deferred);

    public int CallbackOffered => calls.Count(c => c.CallbackOffered);

    public int CallbackQueued => calls.Count(c => c.CallbackQueued);

    public int Finished => calls.Count(c => c.Finished);

    public int Booked => calls.Count(c => c.Booked);

    public int HandedOff => calls.Count(c => c.HandedOff);

    public int ServerErrors => calls.Sum(c => c.Webhooks.Count(w => w.Status >= 500));

    public int TimedOut => calls.Sum(c => c.Webhooks.Count(w => w.TimedOut));

    public int SlowWebhooks => calls.Sum(c => c.Webhooks.Count(w => w.Milliseconds > SlowWebhookMilliseconds || w.TimedOut));

    public LatencySummary Latency => _latency;

    /// <summary>Admitted calls that did not finish, by the script step where they stopped, the most common first.</summary>
    public IEnumerable<(string Step, int Calls)> Unfinished() => calls
        .Where(c => !c.Deferred && !c.Finished)
        .GroupBy(c => c.StoppedAt ?? "(script passed; Twilio logged an error)")
        .Select(g => (g.Key, g.Count()))
        .OrderByDescending(g => g.Item2);

    public LineCounts Line => line;

    /// <summary>The share of admitted calls that finished their journey (1 when none was admitted).</summary>
    public double FinishedShare => Admitted == 0 ? 1 : (double)Finished / Admitted;

    public IReadOnlyList<GoalResult> Goals() =>
    [
        new("≥ 99 % of admitted calls finish their journey", FinishedShare >= FinishedShareGoal, string.Create(CultureInfo.InvariantCulture, $"{Finished} of {Admitted} ({FinishedShare:P1})")),
        new("every caller not admitted is offered a call back and it is queued", CallbackQueued == Deferred, (Deferred == 0 ? "none was deferred" : $"{CallbackQueued} of {Deferred} queued ({CallbackOffered} offered)") + $"; the line counted {Counter(line.Shed)} shed"),
        new("0 5xx", ServerErrors == 0, $"{ServerErrors}"),
        new("0 webhooks over 2 s", SlowWebhooks == 0, string.Create(CultureInfo.InvariantCulture, $"{SlowWebhooks} (max {(Latency.Count == 0 ? 0 : Latency.Percentile(1)):F0} ms, {TimedOut} timed out)")),
    ];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"""
        {phase.Name,-5} {phase.CallsPerSecond:0.##} calls/s for {phase.Hold.TotalSeconds:0} s: offered {Offered}, admitted {Admitted}, deferred to a call back {Deferred} ({CallbackQueued} queued); line counters: admitted {Counter(line.Admitted)}, shed {Counter(line.Shed)}
              finished {Finished} of {Admitted} admitted, booked {Booked}, handed to a person {HandedOff}; webhooks p50 {Latency.Percentile(0.50):F0} / p99 {Latency.Percentile(0.99):F0} / max {(Latency.Count == 0 ? double.NaN : Latency.Percentile(1)):F0} ms (n={Latency.Count}), 5xx {ServerErrors}, timeouts {TimedOut}
        """);

    private static string Counter(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "n/a";
}
