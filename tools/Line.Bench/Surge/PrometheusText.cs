using System.Globalization;

namespace PhoneBooking.Line.Bench.Surge;

/// <summary>
/// Reads the Prometheus text exposition format (what the line's <c>/metrics</c> serves): each sample line is
/// <c>name{labels} value [timestamp]</c>, comments start with #. Only the sums the bench needs.
/// </summary>
internal sealed class PrometheusText
{
    private readonly List<(string Name, string Labels, double Value)> _samples = [];

    public PrometheusText(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // The labels may hold spaces inside quotes: the value follows the closing brace when there is one.
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var close = brace < 0 ? -1 : line.LastIndexOf('}');
            var nameEnd = brace < 0 ? line.IndexOf(' ', StringComparison.Ordinal) : brace;
            if (nameEnd <= 0 || (brace >= 0 && close < brace))
            {
                continue;
            }

            var rest = line[((close >= 0 ? close + 1 : nameEnd))..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (rest.Length == 0 || !TryValue(rest[0], out var value))
            {
                continue;
            }

            _samples.Add((line[..nameEnd], brace < 0 ? "" : line[(brace + 1)..close], value));
        }
    }

    /// <summary>The sum of every series of <paramref name="name"/> whose labels contain <paramref name="labelFilter"/>; null when there is none.</summary>
    public double? Sum(string name, string? labelFilter = null)
    {
        var matching = _samples.Where(s => s.Name == name && (labelFilter is null || s.Labels.Contains(labelFilter, StringComparison.Ordinal))).ToList();
        return matching.Count == 0 ? null : matching.Sum(s => s.Value);
    }

    private static bool TryValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
