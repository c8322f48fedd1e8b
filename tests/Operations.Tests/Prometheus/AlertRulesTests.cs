using PhoneBooking.Operations.Tests.Support;

namespace PhoneBooking.Operations.Tests.Prometheus;

/// <summary>
/// The shipped rules (deploy/prometheus/rules) with Debian's promtool: they load, each alert's own tests
/// pass (deploy/prometheus/tests), and every alert has a case where it must fire and one where it must
/// stay silent — so an alert nobody tested cannot ship.
/// </summary>
public sealed class AlertRulesTests
{
    public static TheoryData<string> RulesFiles => [.. RuleFiles.Rules.Select(file => Path.GetFileName(file))];

    public static TheoryData<string> TestFiles => [.. RuleFiles.Tests.Select(file => Path.GetFileName(file))];

    [Theory]
    [MemberData(nameof(RulesFiles))]
    public async Task RulesFile_PassesPromtoolCheck(string file)
    {
        var run = await Promtool.RunAsync("check", "rules", Path.Combine(RuleFiles.Folder, "rules", file));

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task UnitTests_PassPromtoolTestRules(string file)
    {
        var run = await Promtool.RunAsync("test", "rules", Path.Combine(RuleFiles.Folder, "tests", file));

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [Fact]
    public void EveryAlert_HasACaseWhereItFiresAndOneWhereItStaysSilent()
    {
        var checks = RuleFiles.Checks();
        var missing = new List<string>();
        foreach (var alert in RuleFiles.Alerts())
        {
            var ofThisAlert = checks.Where(c => c.Alert == alert.Name).ToList();
            if (!ofThisAlert.Any(c => c.Firing.Contains(alert.Severity)))
            {
                missing.Add($"{alert.Name} ({alert.Severity}): no case where it fires");
            }

            if (!ofThisAlert.Any(c => !c.Firing.Contains(alert.Severity)))
            {
                missing.Add($"{alert.Name} ({alert.Severity}): no case where it stays silent");
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        Assert.True(RuleFiles.Alerts().Count >= 10, "the rules were read");
    }

    [Fact]
    public void EveryAlert_IsAPageOrATicket_WithASummaryADescriptionAndARunbook()
    {
        foreach (var alert in RuleFiles.Alerts())
        {
            Assert.True(alert.Severity is "page" or "ticket", $"{alert.Name}: severity '{alert.Severity}'");
            foreach (var annotation in new[] { "summary", "description", "runbook_url" })
            {
                Assert.True(alert.Annotations.TryGetValue(annotation, out var text) && text.Length > 10, $"{alert.Name}: annotation {annotation}");
            }
        }
    }

    [Fact]
    public async Task ExampleConfiguration_PassesPromtoolCheckConfig()
    {
        var run = await Promtool.RunAsync("check", "config", Path.Combine(RuleFiles.Folder, "prometheus.yml"));

        Assert.True(run.ExitCode == 0, run.Output);
        foreach (var rules in RuleFiles.Rules)
        {
            Assert.Contains(Path.GetFileName(rules), run.Output, StringComparison.Ordinal);
        }
    }
}
