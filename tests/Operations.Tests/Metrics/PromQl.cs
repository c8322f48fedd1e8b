using PhoneBooking.Operations.Tests.Prometheus;
using PhoneBooking.Operations.Tests.Support;
using YamlDotNet.Serialization;

namespace PhoneBooking.Operations.Tests.Metrics;

/// <summary>Checks expressions written for operators (dashboard panels, runbook queries): they parse, and read only metrics that exist.</summary>
internal static class PromQl
{
    /// <summary>The recording rules' names (<c>slo:…</c>): metrics Prometheus makes from ours.</summary>
    public static IReadOnlySet<string> Recorded { get; } = RuleFiles.Recorded();

    /// <summary>Every expression through promtool's parser at once (as recording rules of a throwaway file); the failures, if any.</summary>
    public static async Task<string?> ParseFailuresAsync(IReadOnlyList<(string Where, string Expr)> expressions)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ops-promql-").FullName, "expressions.rules.yml");
        var rules = new Dictionary<string, object>
        {
            ["groups"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["name"] = "expressions",
                    ["rules"] = expressions.Select((e, i) => new Dictionary<string, string> { ["record"] = $"check:expression_{i}", ["expr"] = e.Expr }).ToArray(),
                },
            },
        };
        await File.WriteAllTextAsync(file, new SerializerBuilder().Build().Serialize(rules));
        try
        {
            var run = await Promtool.RunAsync("check", "rules", file);
            return run.ExitCode == 0 ? null : run.Output;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    /// <summary>"where: name" for each metric an expression reads that neither our code, Prometheus, the platform nor issue 16 declares.</summary>
    public static IEnumerable<string> UnknownMetrics(MetricCatalog catalog, IEnumerable<(string Where, string Expr)> expressions) =>
        expressions.SelectMany(e => PrometheusNames.ReadBy(e.Expr)
            .Where(name => !catalog.Names.Contains(name) && !MetricCatalog.Platform.Contains(name) && !MetricCatalog.Awaited.Contains(name) && !Recorded.Contains(name))
            .Select(name => $"{e.Where}: {name}"));
}
