using System.Globalization;

namespace PhoneBooking.Line.Bench;

/// <summary>Percentiles of a set of latencies (nearest rank).</summary>
internal sealed class LatencySummary
{
    private readonly double[] _sorted;

    public LatencySummary(IEnumerable<double> milliseconds)
    {
        _sorted = [.. milliseconds];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double Percentile(double quantile) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(quantile * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public override string ToString() => _sorted.Length == 0 ? "n=0" : string.Create(
        CultureInfo.InvariantCulture,
        $"n={Count}  p50={Percentile(0.50):F1} ms  p95={Percentile(0.95):F1} ms  p99={Percentile(0.99):F1} ms  max={_sorted[^1]:F1} ms");
}
