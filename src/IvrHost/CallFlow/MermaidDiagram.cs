using System.Globalization;
using System.Text;

namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>Renders the call flow as a Mermaid state diagram and a table of its prompts (docs/call-flow.md is this, checked by a test).</summary>
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
                AskState ask => $"{ask.Input.ToString().ToLowerInvariant()}: {string.Join(" + ", ask.Prompts.Select(p => p.Ids[0]))}",
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
        text.AppendLine(CultureInfo.InvariantCulture, $"    {CallState.OfferKept} --> [*]");
        text.AppendLine(CultureInfo.InvariantCulture, $"    {CallState.Agent} --> [*]");
        return text.ToString();
    }

    /// <summary>Every prompt state: what it says, exactly what its Gather takes, and what missed answers lead to.</summary>
    public static string Table(CallFlow flow)
    {
        var text = new StringBuilder();
        text.AppendLine("| state | says | takes | silence or a wrong key |");
        text.AppendLine("|---|---|---|---|");
        foreach (var ask in flow.States.Values.OfType<AskState>().OrderBy(s => s.State))
        {
            var says = string.Join(" + ", ask.Prompts.Select(p => $"`{string.Join("`/`", p.Ids)}`"));
            var takes = ask.Input switch
            {
                InputKind.Entry when ask.Entry!.Secret => $"{ask.Entry.Label}: keys only, in one piece until # (finishOnKey #, no numDigits)",
                InputKind.Entry => $"{ask.Entry.Label}: first key alone (numDigits 1, speech), then the rest until # (finishOnKey #, {CallFlowMachine.RestTimeout} s between keys)",
                InputKind.Hold => $"keys {Keys(ask)} (numDigits 1, {CallFlowMachine.HoldTimeout} s rounds, keys only)",
                _ => $"keys {Keys(ask)} or the word for one (numDigits 1, no finishOnKey, speech)",
            };
            var misses = ask.Patience switch
            {
                Patience.Done => "apology; a 2nd silence or 3rd miss: goodbye",
                Patience.Thinking => $"\"take your time\" and the choices; a {CallFlowMachine.MaxSilencesThinking}rd silence: the offer is kept, goodbye",
                Patience.Waiting => "silence: the next round; another key: the choices again",
                _ => $"apology and {(ask.Help is { } help ? $"`{help.Ids[0]}`" : "the prompt")}; the {CallFlowMachine.MaxFailures}rd miss: a person",
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {ask.State} | {says} | {takes} | {misses} |");
        }

        return text.ToString();
    }

    /// <summary>The whole docs/call-flow.md page.</summary>
    public static string RenderPage(CallFlow flow) =>
        $"""
        # Call flow

        Generated from `src/IvrHost/CallFlow/CallFlowDefinition.cs` by
        `CallFlowDiagramTests` (the test fails when this page and the code differ; rerun with
        `UPDATE_CALL_FLOW_DOC=1` to rewrite it). What callers hear, measured journey by journey:
        docs/caller-experience.md.

        At every prompt: `*` (or a lone `#`) repeats, `0` reaches a person, `9` speaks more slowly,
        and a spoken answer counts as the key it names ("one", "yes", "oui"). An entry takes its first
        key alone, so `*` — and `0` or `9` where no answer starts with them — act at once; the rest is
        gathered until `#`. A missed or wrong answer is met with an apology and help; what follows
        depends on the state (the table below): a caller who is stuck reaches a person at the
        {CallFlowMachine.MaxFailures}rd miss, a caller who is done is let go politely, a caller thinking
        about an offer hears the choices again, a caller waiting on the line is never counted. A backend
        failure in any task sends the caller to a person in the same webhook.

        ```mermaid
        {Render(flow).TrimEnd()}
        ```

        ## Prompt states

        {Table(flow).TrimEnd()}

        """.ReplaceLineEndings("\n");

    private static string Keys(AskState ask) => string.Join(" ", ask.Keys.Select(k => k.Key));

    private static string Escape(string label) => label.Replace(":", " ", StringComparison.Ordinal).Replace(";", ",", StringComparison.Ordinal);
}
