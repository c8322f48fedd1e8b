using System.Globalization;
using System.Text;

namespace PhoneBooking.Softphone.Scripts;

/// <summary>
/// Finds an expected phrase in what was heard, the way a listener would: case, accents, punctuation and
/// spacing do not matter ("Bienvenue, à la ligne!" contains "bienvenue a la ligne").
/// </summary>
public static class PhraseMatcher
{
    /// <summary>The index just after the phrase in <paramref name="heard"/> (normalised), searching from <paramref name="from"/>; -1 if absent.</summary>
    public static int IndexAfter(string heard, string phrase, int from = 0)
    {
        var text = Normalize(heard);
        var wanted = Normalize(phrase);
        if (from > text.Length)
        {
            return -1;
        }

        var at = text.IndexOf(wanted, from, StringComparison.Ordinal);
        return at < 0 ? -1 : at + wanted.Length;
    }

    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                result.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                result.Append(' ');
                space = true;
            }
        }

        return result.ToString().TrimEnd();
    }
}
