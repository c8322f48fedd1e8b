using System.Globalization;
using System.Text;

namespace PhoneBooking.EndToEnd.Tests.Journeys;

/// <summary>The journeys table the docs show (docs/softphone.md, *Journeys*), in markdown.</summary>
public static class JourneyTable
{
    public static string Markdown(IEnumerable<JourneyRun> runs)
    {
        var table = new StringBuilder();
        table.AppendLine("| Journey | Outcome | Keys | Speech (s) | Words | Webhooks | Apologies | Extra hold rounds |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var m = run.Measure;
            table.AppendLine(CultureInfo.InvariantCulture, $"| {run.Journey.Name} | {m.Outcome} | {m.Keys} | {m.SpeechSeconds:0} | {m.Words} | {m.Webhooks} | {m.Apologies} | {m.ExtraHoldRounds} |");
        }

        return table.ToString();
    }
}
