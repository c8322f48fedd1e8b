using PhoneBooking.EndToEnd.Tests.Calls;
using Xunit.Abstractions;

namespace PhoneBooking.EndToEnd.Tests.Journeys;

/// <summary>Each journey ends as it must, within its budget; and the table of all of them, for the docs.</summary>
public sealed class JourneyTests(JourneyBench bench, ITestOutputHelper output) : IClassFixture<JourneyBench>
{
    public static TheoryData<string> Journeys => [.. JourneyCatalog.All.Select(j => j.Name)];

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task Journey_EndsAsExpected_WithinItsBudget(string name)
    {
        var journey = JourneyCatalog.Named(name);

        var (_, run, measure) = await bench.RunAsync(journey);

        output.WriteLine(JourneyTable.Markdown([new JourneyRun(journey, run, measure)]));
        output.WriteLine(run.Call.Transcript.ToString());
        run.AssertPassedCleanly();
        Assert.True(measure.Outcome.Satisfies(journey.Outcome), $"expected {journey.Outcome}, got {measure.Outcome}{Environment.NewLine}{run}");
        var overruns = journey.Budget.Overruns(measure);
        Assert.True(overruns.Count == 0, $"{name} over its budget: {string.Join("; ", overruns)}{Environment.NewLine}{run}");
    }

    [Fact]
    public async Task Journeys_AllOfThem_PrintTheTableForTheDocs()
    {
        var runs = await bench.RunAllAsync();

        var table = JourneyTable.Markdown(runs);
        output.WriteLine(table);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "journeys.md"), table);
        Assert.Equal(JourneyCatalog.All.Count + 2, table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Budget_Overrun_SaysWhatIsOverAndByHowMuch()
    {
        var budget = new Budget(Keys: 16, SpeechSeconds: 150, Webhooks: 20, Apologies: 0);

        var overruns = budget.Overruns(new JourneyMeasure(Keys: 19, Words: 400, Webhooks: 20, Apologies: 1, JourneyOutcome.Booked));

        Assert.Equal(["keys: 19 > 16", "seconds of speech: 160 > 150", "apologies: 1 > 0"], overruns);
    }
}
