using System.Diagnostics;
using System.Globalization;

namespace PhoneBooking.Dialer.Bench;

/// <summary>What the arrival times say about pacing: the rate achieved, and the busiest second.</summary>
internal sealed record PacingReport(int Calls, double Limit, TimeSpan Span, double Achieved, int BusiestSecond, TimeSpan MinGap, TimeSpan MedianGap, TimeSpan P99Gap, TimeSpan MaxGap)
{
    /// <summary>The dialer's own lateness after each slot freed (its pacing.lag histogram), in seconds.</summary>
    public IReadOnlyList<double> SlotLags { get; init; } = [];

    public static PacingReport From(IReadOnlyList<long> arrivals, double limit)
    {
        var times = arrivals.Select(t => TimeSpan.FromSeconds((t - arrivals[0]) / (double)Stopwatch.Frequency)).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).Order().ToList();
        var span = times[^1];
        var busiest = 0;
        for (int start = 0, end = 0; start < times.Count; start++)
        {
            while (end < times.Count && times[end] - times[start] < TimeSpan.FromSeconds(1))
            {
                end++;
            }

            busiest = Math.Max(busiest, end - start);
        }

        return new PacingReport(
            times.Count, limit, span, (times.Count - 1) / span.TotalSeconds, busiest,
            gaps[0], gaps[gaps.Count / 2], gaps[(int)Math.Min(gaps.Count - 1, Math.Ceiling(gaps.Count * 0.99) - 1)], gaps[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"""
        calls placed        {Calls}
        limit               {Limit:0.###} calls/s
        first to last call  {Span.TotalSeconds:0.000} s
        achieved            {Achieved:0.0000} calls/s ({(Achieved / Limit - 1) * 100:+0.00;-0.00} % against the limit)
        busiest 1 s window  {BusiestSecond} calls
        gap between calls   min {MinGap.TotalMilliseconds:0.0} ms, median {MedianGap.TotalMilliseconds:0.0} ms, p99 {P99Gap.TotalMilliseconds:0.0} ms, max {MaxGap.TotalMilliseconds:0.0} ms (at Twilio's side)
        dial after slot     median {Percentile(0.5):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {Percentile(1):0.0} ms (the dialer's own lateness, {SlotLags.Count} slots)
        """);

    private double Percentile(double p)
    {
        if (SlotLags.Count == 0)
        {
            return double.NaN;
        }

        var sorted = SlotLags.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Ceiling(sorted.Count * p) - 1, 0, sorted.Count - 1)] * 1000;
    }
}
