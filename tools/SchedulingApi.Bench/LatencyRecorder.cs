using System.Diagnostics;
using System.Globalization;

namespace PhoneBooking.SchedulingApi.Bench;

/// <summary>Collects request latencies from many workers; reports percentiles.</summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly double[] _milliseconds = new double[capacity];
    private int _count;

    public int Capacity => _milliseconds.Length;

    public int Count => Math.Min(_count, _milliseconds.Length);

    public void Record(long startTimestamp)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _milliseconds.Length)
        {
            _milliseconds[index] = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        }
    }

    public string Summary()
    {
        var sorted = _milliseconds.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"n={sorted.Length}  p50={Percentile(sorted, 0.50):F2} ms  p99={Percentile(sorted, 0.99):F2} ms  max={sorted[^1]:F2} ms");
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
