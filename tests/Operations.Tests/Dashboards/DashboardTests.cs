using System.Text.Json;
using PhoneBooking.Operations.Tests.Metrics;
using PhoneBooking.Operations.Tests.Support;

namespace PhoneBooking.Operations.Tests.Dashboards;

/// <summary>
/// The launch-day dashboard (deploy/grafana/launch-day.json), checked offline as Grafana would load it:
/// it parses, its panels sit on the grid without overlapping, every query parses with promtool and reads
/// only metrics the code declares, and the room finds what it asked for.
/// </summary>
[Collection(MetricCatalogCollection.Name)]
public sealed class DashboardTests(MetricCatalog catalog)
{
    private static readonly string File = Repository.PathOf("deploy", "grafana", "launch-day.json");

    private static readonly Lazy<JsonDocument> Dashboard = new(() => JsonDocument.Parse(System.IO.File.ReadAllText(File)));

    private static IEnumerable<JsonElement> Panels => Dashboard.Value.RootElement.GetProperty("panels").EnumerateArray();

    private static IReadOnlyList<(string Where, string Expr)> Queries =>
        [.. Panels.Where(p => p.TryGetProperty("targets", out _)).SelectMany(p => p.GetProperty("targets").EnumerateArray()
            .Select(t => ($"{p.GetProperty("title").GetString()} {t.GetProperty("refId").GetString()}", t.GetProperty("expr").GetString()!)))];

    [Fact]
    public async Task EveryQuery_ParsesWithPromtool()
    {
        Assert.NotEmpty(Queries);
        Assert.Null(await PromQl.ParseFailuresAsync(Queries));
    }

    [Fact]
    public void EveryQuery_ReadsOnlyDeclaredMetrics()
    {
        Assert.Empty(PromQl.UnknownMetrics(catalog, Queries));
    }

    [Fact]
    public void Panels_HaveUniqueIds_AndDoNotOverlapOnTheGrid()
    {
        var panels = Panels.ToList();
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());

        var boxes = panels.Select(p => p.GetProperty("gridPos")).Select(g => (X: g.GetProperty("x").GetInt32(), Y: g.GetProperty("y").GetInt32(), W: g.GetProperty("w").GetInt32(), H: g.GetProperty("h").GetInt32())).ToList();
        Assert.All(boxes, b => Assert.True(b.X >= 0 && b.W > 0 && b.X + b.W <= 24, $"{b} is off Grafana's 24-column grid"));
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                Assert.False(overlap, $"panels {i} and {j} overlap: {a} and {b}");
            }
        }
    }

    [Fact]
    public void Dashboard_ShowsWhatTheLaunchDayRoomAskedFor()
    {
        var titles = Panels.Select(p => p.GetProperty("title").GetString()!).ToList();
        foreach (var wanted in new[] { "Calls now", "Admitted / shed per minute", "Bookings per minute", "Booking queue", "Callbacks due", "Agents' queue", "Deferred requests", "Handoffs by reason" })
        {
            Assert.Contains(wanted, titles);
        }

        Assert.Equal(4, titles.Count(t => t.EndsWith(": burn rate", StringComparison.Ordinal)));
        var datasources = Panels.Where(p => p.GetProperty("type").GetString() != "row").Select(p => p.GetProperty("datasource").GetProperty("uid").GetString()).Distinct();
        Assert.Equal(["${datasource}"], datasources); // one Prometheus, chosen when the dashboard is imported
    }
}
