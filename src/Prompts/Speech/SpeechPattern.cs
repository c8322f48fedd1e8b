using System.Text.RegularExpressions;

namespace PhoneBooking.Prompts.Speech;

/// <summary>
/// A formatting pattern from a locale file's <c>speech:</c> section, e.g. <c>"{weekday}, {month} {day}"</c>,
/// with an optional spoken form (<c>written: "{hour} h", spoken: "{hour} heures"</c>).
/// </summary>
internal sealed partial class SpeechPattern(Template written, Template spoken)
{
    public Template Written { get; } = written;

    public Template Spoken { get; } = spoken;

    public IEnumerable<string> Placeholders => Written.Placeholders.Union(Spoken.Placeholders, StringComparer.Ordinal);

    public Phrase Apply(IReadOnlyDictionary<string, Phrase> values) => new(
        Tidy(Written.Fill(name => values[name].Written)),
        Tidy(Spoken.Fill(name => values[name].Spoken)));

    /// <summary>An empty value (no part of day after "noon") leaves no double space or space before a comma.</summary>
    private static string Tidy(string text) => SpaceBeforePunctuation().Replace(Spaces().Replace(text, " "), "$1").Trim();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([,.])")]
    private static partial Regex SpaceBeforePunctuation();
}
