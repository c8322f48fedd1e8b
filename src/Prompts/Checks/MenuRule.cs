using System.Text.RegularExpressions;
using PhoneBooking.Prompts.Catalog;

namespace PhoneBooking.Prompts.Checks;

/// <summary>
/// A menu's <c>menu:</c> keys and its words agree: every listed key is said, every key offered
/// ("…, press 3.") is listed, and at most <see cref="MaxChoices"/> numbered choices (plus * and 0).
/// Loading refuses a file that breaks it, naming the file, line and prompt.
/// </summary>
public static partial class MenuRule
{
    public const int MaxChoices = 4;

    public static IEnumerable<string> Problems(string starWord, PromptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var choices = entry.MenuKeys.Count(key => key is not ("0" or "*" or "#"));
        if (choices > MaxChoices)
        {
            yield return $"menu offers {choices} numbered choices (at most {MaxChoices}, plus * and 0)";
        }

        var spoken = Words().Matches(entry.Text).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in entry.MenuKeys.Where(key => !spoken.Contains(key == "*" ? starWord : key)))
        {
            yield return $"menu lists key {key} but the text never says {(key == "*" ? $"'{starWord}'" : key)}";
        }

        if (entry.MenuKeys.Count > 0 && OfferedKeys(entry.Text).Except(entry.MenuKeys).FirstOrDefault() is { } unlisted)
        {
            yield return $"the text offers key {unlisted}, which its 'menu:' does not list";
        }
    }

    /// <summary>The digit keys a text offers: a key closes its sentence ("…, press 1."), so "8 digits" is not one.</summary>
    public static IEnumerable<string> OfferedKeys(string text) => OfferedDigit().Matches(text).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\d(?=\s*([.,;!?]|$))")]
    private static partial Regex OfferedDigit();
}
