using System.Globalization;
using System.Text;

namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>Renders the call flow as a Mermaid state diagram (docs/call-flow.md is this, checked by a test).</summary>
public static class MermaidDiagram
{
    public static string Render(CallFlow flow)
    {
        var text = new StringBuilder();
        text.AppendLine("stateDiagram-v2");
        foreach (var entry in flow.Entries.Values)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    [*] --> {entry.State} : {entry.Entry}");
        }

        foreach (var spec in flow.States.Values.OrderBy(s => s.State))
        {
            var kind = spec switch
            {
                AskState ask => $"ask: {string.Join(" + ", ask.Prompts)}",
                TaskState => "task",
                DecideState => "decide",
                EndState end => end.Ending == Ending.HangUp ? "end: hang up" : "end: to a person",
                _ => spec.GetType().Name,
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"    {spec.State} : {spec.State} ({kind})");
            foreach (var transition in spec.Transitions)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {spec.State} --> {transition.Target} : {Escape(transition.Label)}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"    {CallState.Goodbye} --> [*]");
        text.AppendLine(CultureInfo.InvariantCulture, $"    {CallState.Agent} --> [*]");
        return text.ToString();
    }

    /// <summary>The whole docs/call-flow.md page.</summary>
    public static string RenderPage(CallFlow flow) =>
        $"""
        # Call flow

        Generated from `src/IvrHost/CallFlow/CallFlowDefinition.cs` by
        `CallFlowDiagramTests` (the test fails when this page and the code differ; rerun with
        `UPDATE_CALL_FLOW_DOC=1` to rewrite it).

        At every prompt: `*` repeats, `0` reaches a person, `9` speaks more slowly. A missed or
        invalid input is met with an apology and help; the {CallFlowMachine.MaxFailures}rd miss at one step sends
        the caller to a person (`Agent`). A backend failure in any task sends the caller to a
        person in the same webhook.

        ```mermaid
        {Render(flow).TrimEnd()}
        ```

        """.ReplaceLineEndings("\n");

    private static string Escape(string label) => label.Replace(":", " ", StringComparison.Ordinal).Replace(";", ",", StringComparison.Ordinal);
}
