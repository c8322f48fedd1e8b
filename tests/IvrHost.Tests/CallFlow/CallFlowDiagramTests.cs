using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

public sealed class CallFlowDiagramTests
{
    [Fact]
    public void CallFlowDoc_MatchesTheCode()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "call-flow.md");
        var expected = MermaidDiagram.RenderPage(CallFlowDefinition.Build());
        if (Environment.GetEnvironmentVariable("UPDATE_CALL_FLOW_DOC") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with UPDATE_CALL_FLOW_DOC=1");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Diagram_EveryStateAndTransition_Appears()
    {
        var flow = CallFlowDefinition.Build();
        var diagram = MermaidDiagram.Render(flow);

        foreach (var spec in flow.States.Values)
        {
            Assert.Contains($"    {spec.State} : ", diagram, StringComparison.Ordinal);
            foreach (var t in spec.Transitions)
            {
                Assert.Contains($"{spec.State} --> {t.Target} : ", diagram, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Flow_EveryStateIsReachableFromTheStart()
    {
        var flow = CallFlowDefinition.Build();
        // The shared rules reach these too: a person, a polite goodbye, an offer kept while the caller thinks.
        var seen = flow.Entries.Values.Select(e => e.State).Concat([CallState.Agent, CallState.Goodbye, CallState.OfferKept]).ToHashSet();
        var queue = new Queue<CallState>(seen);
        while (queue.TryDequeue(out var state))
        {
            foreach (var t in flow[state].Transitions.Where(t => seen.Add(t.Target)))
            {
                queue.Enqueue(t.Target);
            }
        }

        Assert.Empty(Enum.GetValues<CallState>().Except(seen));
    }

    [Fact]
    public void Menus_UseAtMostFourChoicesAndNeverTheReservedKeys()
    {
        foreach (var ask in CallFlowDefinition.Build().States.Values.OfType<AskState>())
        {
            var keys = ask.Keys.Select(k => k.Key).ToList();
            Assert.True(keys.Count <= 4, $"{ask.State} offers {keys.Count} choices");
            Assert.DoesNotContain(keys, k => k is CallFlowMachine.RepeatKey or CallFlowMachine.AgentKey or CallFlowMachine.SlowerKey or CallFlowMachine.PoundKey);
        }
    }

    [Fact]
    public void Entries_EveryKeyThatCanStartAnAnswer_IsADigit()
    {
        foreach (var ask in CallFlowDefinition.Build().States.Values.OfType<AskState>().Where(a => a.Input == InputKind.Entry))
        {
            Assert.All(ask.Entry!.Starts, key => Assert.True(char.IsAsciiDigit(key), $"{ask.State}: {key}"));
        }
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PhoneBooking.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PhoneBooking.sln not found above " + AppContext.BaseDirectory);
    }
}
