using PhoneBooking.Prompts.Catalog;

namespace PhoneBooking.Prompts.Checks;

/// <summary>A prompt that breaks a wording rule.</summary>
public sealed record PromptIssue(string Locale, string PromptId, string Problem)
{
    public override string ToString() => $"{Locale}/{PromptId}: {Problem}";
}

/// <summary>
/// The wording rules for callers who hear poorly, checked over the whole catalog (tests and
/// <c>PromptTool list</c>): every locale has every id with the same placeholders; at most
/// <see cref="MaxWords"/> words (as heard, with sample values) unless marked <c>long</c>; a menu
/// offers at most <see cref="MaxMenuChoices"/> numbered choices plus * and 0, and says each key it lists.
/// </summary>
public static class PromptChecks
{
    public const int MaxWords = 30;
    public const int MaxMenuChoices = MenuRule.MaxChoices;

    public static IReadOnlyList<PromptIssue> Check(PromptCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var issues = new List<PromptIssue>();
        var reference = catalog.EntriesOf(catalog.DefaultLocale).ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var file in catalog.Files)
        {
            var own = file.ById;
            issues.AddRange(reference.Keys.Where(id => !own.ContainsKey(id)).Select(id => new PromptIssue(file.Locale, id, $"missing (the line refuses to start; it would fall back to the {catalog.DefaultLocale} text)")));
            foreach (var entry in file.Prompts)
            {
                if (!reference.TryGetValue(entry.Id, out var model))
                {
                    issues.Add(new PromptIssue(file.Locale, entry.Id, $"not in {catalog.DefaultLocale}"));
                }
                else if (!entry.Placeholders.Order().SequenceEqual(model.Placeholders.Order()))
                {
                    issues.Add(new PromptIssue(file.Locale, entry.Id, $"placeholders {Names(entry.Placeholders)} differ from {catalog.DefaultLocale}'s {Names(model.Placeholders)}"));
                }

                issues.AddRange(CheckLength(catalog, entry).Concat(MenuRule.Problems(file.Speech.Star, entry)).Select(problem => new PromptIssue(file.Locale, entry.Id, problem)));
            }
        }

        issues.AddRange(catalog.AudioProblems.Select(problem => new PromptIssue("audio", "-", problem)));
        return issues;
    }

    private static IEnumerable<string> CheckLength(PromptCatalog catalog, PromptEntry entry)
    {
        var words = catalog.Compose(entry.Id, entry.Locale, Placeholders.SamplesFor(entry.Placeholders)).WordCount;
        if (words > MaxWords && !entry.IsLong)
        {
            yield return $"{words} words (at most {MaxWords} unless marked 'long: true')";
        }
    }

    private static string Names(IEnumerable<string> names) => $"[{string.Join(", ", names.Order(StringComparer.Ordinal))}]";

}
