using System.Text.RegularExpressions;
using PhoneBooking.Operations.Tests.Metrics;
using PhoneBooking.Operations.Tests.Prometheus;
using PhoneBooking.Operations.Tests.Support;

namespace PhoneBooking.Operations.Tests.Runbooks;

/// <summary>
/// Every alert leads to a runbook that names it; every runbook answers the on-call engineer's four
/// questions; and the queries it tells the engineer to run parse and read metrics that exist.
/// </summary>
[Collection(MetricCatalogCollection.Name)]
public sealed partial class RunbookTests(MetricCatalog catalog)
{
    /// <summary>What callers notice, how to confirm, how to mitigate, how to know it is over (docs/incident.md).</summary>
    private static readonly string[] Sections = ["## What callers notice", "## Confirm", "## Mitigate", "## Verify recovery"];

    private static string Folder => Repository.PathOf("docs", "runbooks");

    public static TheoryData<string> Runbooks => [.. Directory.GetFiles(Repository.PathOf("docs", "runbooks"), "*.md").Select(file => Path.GetFileName(file)).Where(f => f != "README.md").Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryAlert_RunbookExistsAndNamesTheAlert()
    {
        foreach (var alert in RuleFiles.Alerts())
        {
            var path = Repository.PathOf(alert.Annotations["runbook_url"].Split('/'));
            Assert.True(File.Exists(path), $"{alert.Name}: runbook {alert.Annotations["runbook_url"]} is missing");
            Assert.Contains($"`{alert.Name}`", File.ReadAllText(path), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Runbooks))]
    public void Runbook_HasTheFourSections_AndIsAnAlertsRunbook(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));

        foreach (var section in Sections)
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains(RuleFiles.Alerts(), alert => alert.Annotations["runbook_url"] == $"docs/runbooks/{file}");
        Assert.True(CommandBlock().Count(text) >= 2, $"{file}: the commands to confirm and to mitigate, as code blocks");
    }

    [Fact]
    public void RunbookIndex_ListsEveryRunbook()
    {
        var index = File.ReadAllText(Path.Combine(Folder, "README.md"));

        foreach (var file in Runbooks)
        {
            Assert.Contains($"({file})", index, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunbookQueries_ParseAndReadOnlyDeclaredMetrics()
    {
        var queries = Directory.GetFiles(Folder, "*.md")
            .SelectMany(file => PromqCommand().Matches(File.ReadAllText(file)).Select(m => (Path.GetFileName(file), m.Groups["expr"].Value)))
            .ToList();

        Assert.True(queries.Count >= 30, $"only {queries.Count} promq queries found");
        Assert.Null(await PromQl.ParseFailuresAsync(queries));
        Assert.Empty(PromQl.UnknownMetrics(catalog, queries));
    }

    /// <summary>The runbooks' <c>promq '…'</c> helper (docs/runbooks/README.md).</summary>
    [GeneratedRegex(@"promq '(?<expr>[^']+)'")]
    private static partial Regex PromqCommand();

    [GeneratedRegex("^```", RegexOptions.Multiline)]
    private static partial Regex CommandBlock();
}
