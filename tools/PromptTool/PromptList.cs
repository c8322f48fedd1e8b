using System.Globalization;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Checks;

namespace PhoneBooking.PromptTool;

/// <summary><c>list</c>: every prompt of each locale, how long it is to hear, and the totals.</summary>
internal static class PromptList
{
    public static int Write(PromptCatalog catalog, IReadOnlyList<string> locales, TextWriter output)
    {
        var idWidth = catalog.Ids.Max(id => id.Length) + 2;
        foreach (var locale in locales)
        {
            output.WriteLine(Invariant($"{locale}{(locale == catalog.DefaultLocale ? " (default)" : string.Empty)}"));
            output.WriteLine(Invariant($"  {"id".PadRight(idWidth)}{"words",6}{"seconds",9}  notes"));
            int words = 0, count = 0;
            var seconds = 0.0;
            foreach (var id in catalog.Ids.Union(catalog.EntriesOf(locale).Select(e => e.Id)))
            {
                var entry = catalog.Find(id, locale)!;
                var speech = catalog.Compose(id, locale, Placeholders.SamplesFor(entry.Placeholders));
                var duration = speech.EstimatedDuration().TotalSeconds;
                words += speech.WordCount;
                seconds += duration;
                count++;
                output.WriteLine(Invariant($"  {id.PadRight(idWidth)}{speech.WordCount,6}{duration,9:0.0}  {Notes(entry, locale)}"));
            }

            output.WriteLine(Invariant($"  {$"total: {count} prompts".PadRight(idWidth)}{words,6}{seconds,9:0.0}  ({TimeSpan.FromSeconds(seconds):m\\:ss} to hear every prompt once)"));
            output.WriteLine();
        }

        var issues = PromptChecks.Check(catalog).Where(i => locales.Contains(i.Locale) || i.Locale == "audio").ToList();
        output.WriteLine(issues.Count == 0 ? "Checks: no problems." : Invariant($"Checks: {issues.Count} problem(s):"));
        foreach (var issue in issues)
        {
            output.WriteLine(Invariant($"  {issue}"));
        }

        return 0;
    }

    private static string Notes(PromptEntry entry, string locale)
    {
        var notes = new List<string>();
        if (!string.Equals(entry.Locale, locale, StringComparison.OrdinalIgnoreCase))
        {
            notes.Add($"missing: the line will not start (it would say {entry.Locale})");
        }

        if (entry.IsLong)
        {
            notes.Add("long");
        }

        if (entry.MenuKeys.Count > 0)
        {
            notes.Add($"menu {string.Join(' ', entry.MenuKeys)}");
        }

        return string.Join("; ", notes);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
