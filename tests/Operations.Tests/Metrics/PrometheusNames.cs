using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;

namespace PhoneBooking.Operations.Tests.Metrics;

/// <summary>
/// What OpenTelemetry's Prometheus exporter calls an instrument (its default translation: dots to
/// underscores, the unit as a suffix, <c>_total</c> for counters, <c>_bucket/_sum/_count</c> for histograms),
/// and which metric names a PromQL expression reads. The translation is checked against a real scrape
/// (<see cref="MetricCatalogTests"/>).
/// </summary>
internal static partial class PrometheusNames
{
    /// <summary>PromQL words that look like metric names but are not.</summary>
    private static readonly HashSet<string> Keywords =
        ["and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan", "le"];

    public static IEnumerable<string> Of(Instrument instrument)
    {
        var name = Unsafe().Replace(instrument.Name, "_");
        var suffix = instrument.Unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "By" => "_bytes",
            _ => "",
        };
        if (!name.EndsWith(suffix, StringComparison.Ordinal))
        {
            name += suffix;
        }

        var kind = instrument.GetType().GetGenericTypeDefinition();
        if (kind == typeof(Counter<>) || kind == typeof(ObservableCounter<>))
        {
            return [name + "_total"];
        }

        return kind == typeof(Histogram<>) ? [name + "_bucket", name + "_sum", name + "_count"] : [name];
    }

    /// <summary>The metric names an expression selects (not functions, label names, label values or durations).</summary>
    public static IReadOnlySet<string> ReadBy(string promql)
    {
        var bare = Strings().Replace(promql, "\"\"");
        bare = Matchers().Replace(bare, "{}");
        bare = Groupings().Replace(bare, "");
        bare = Ranges().Replace(bare, "[]");
        return Identifiers().Matches(bare)
            .Where(m => !m.Groups["call"].Success && !Keywords.Contains(m.Groups["name"].Value))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("[^a-zA-Z0-9_:]")]
    private static partial Regex Unsafe();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Groupings();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"(?<![\w.])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifiers();
}
