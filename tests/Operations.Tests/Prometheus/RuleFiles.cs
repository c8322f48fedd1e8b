using PhoneBooking.Operations.Tests.Support;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PhoneBooking.Operations.Tests.Prometheus;

/// <summary>The shipped Prometheus files (deploy/prometheus), read as Prometheus reads them.</summary>
internal static class RuleFiles
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static string Folder { get; } = Repository.PathOf("deploy", "prometheus");

    public static IReadOnlyList<string> Rules { get; } = Files("rules", "*.rules.yml");

    public static IReadOnlyList<string> Tests { get; } = Files("tests", "*.test.yml");

    /// <summary>Every alerting rule: one entry per rule (an alert name may have a page and a ticket rule).</summary>
    public static IReadOnlyList<AlertRule> Alerts() =>
        [.. Rules.SelectMany(file => Yaml.Deserialize<RulesFile>(File.ReadAllText(file)).Groups
            .SelectMany(group => group.Rules)
            .Where(rule => rule.Alert is not null)
            .Select(rule => new AlertRule(rule.Alert!, rule.Labels.GetValueOrDefault("severity"), rule.Annotations, rule.Expr, Path.GetFileName(file))))];

    /// <summary>Every expression, recorded or alerted on, with the rule's name.</summary>
    public static IReadOnlyList<(string Where, string Expr)> Expressions() =>
        [.. Rules.SelectMany(file => Yaml.Deserialize<RulesFile>(File.ReadAllText(file)).Groups.SelectMany(g => g.Rules)
            .Select(r => ($"{Path.GetFileName(file)} {r.Alert ?? r.Record}", r.Expr)))];

    /// <summary>The names recording rules give their results.</summary>
    public static IReadOnlySet<string> Recorded() =>
        Rules.SelectMany(file => Yaml.Deserialize<RulesFile>(File.ReadAllText(file)).Groups.SelectMany(g => g.Rules))
            .Select(r => r.Record).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Every alert check of every promtool test file: which alert, and the severities it expects firing.</summary>
    public static IReadOnlyList<AlertCheck> Checks() =>
        [.. Tests.SelectMany(file => Yaml.Deserialize<TestFile>(File.ReadAllText(file)).Tests
            .SelectMany(test => test.AlertRuleTest.Select(check => new AlertCheck(
                Path.GetFileName(file), test.Name, check.Alertname,
                [.. check.ExpAlerts.Select(expected => expected.ExpLabels.GetValueOrDefault("severity"))]))))];

    private static string[] Files(string folder, string pattern) =>
        [.. Directory.GetFiles(Path.Combine(Folder, folder), pattern).Order(StringComparer.Ordinal)];

    private sealed class RulesFile
    {
        public List<RuleGroup> Groups { get; set; } = [];
    }

    private sealed class RuleGroup
    {
        public List<Rule> Rules { get; set; } = [];
    }

    private sealed class Rule
    {
        public string? Alert { get; set; }

        public string? Record { get; set; }

        public string Expr { get; set; } = "";

        public Dictionary<string, string> Labels { get; set; } = [];

        public Dictionary<string, string> Annotations { get; set; } = [];
    }

    private sealed class TestFile
    {
        public List<UnitTest> Tests { get; set; } = [];
    }

    private sealed class UnitTest
    {
        public string Name { get; set; } = "";

        public List<AlertRuleTest> AlertRuleTest { get; set; } = [];
    }

    private sealed class AlertRuleTest
    {
        public string Alertname { get; set; } = "";

        public List<ExpectedAlert> ExpAlerts { get; set; } = [];
    }

    private sealed class ExpectedAlert
    {
        public Dictionary<string, string> ExpLabels { get; set; } = [];
    }
}

internal sealed record AlertRule(string Name, string? Severity, IReadOnlyDictionary<string, string> Annotations, string Expr, string File);

/// <param name="Firing">The severity label of each alert the check expects firing (empty: silent).</param>
internal sealed record AlertCheck(string File, string Test, string Alert, IReadOnlyList<string?> Firing);
