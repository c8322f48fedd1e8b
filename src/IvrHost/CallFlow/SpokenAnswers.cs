using System.Globalization;
using System.Text;

namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// Turns what a caller said (Twilio's transcript) into the keys they could have pressed, so the flow
/// has one kind of answer: "one" or "yes" at a menu, "one nine five zero…", "March 5th 1950",
/// "3/23/1950" or "le 5 mars 1950" at an entry. Anything else is null: "I did not understand", never silence.
/// </summary>
public static class SpokenAnswers
{
    private static readonly string[] EnglishNumbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private static readonly string[] FrenchNumbers = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"];

    /// <summary>Every spoken digit, normalised (no accents), in both languages; "oh" and "une" too.</summary>
    private static readonly Dictionary<string, string> DigitWords = EnglishNumbers.Select((word, digit) => (word, digit))
        .Concat(FrenchNumbers.Select((word, digit) => (word, digit)))
        .Append(("oh", 0)).Append(("une", 1))
        .DistinctBy(w => Normalize(w.Item1))
        .ToDictionary(w => Normalize(w.Item1), w => w.Item2.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        ["janvier"] = 1, ["fevrier"] = 2, ["mars"] = 3, ["avril"] = 4, ["mai"] = 5, ["juin"] = 6,
        ["juillet"] = 7, ["aout"] = 8, ["septembre"] = 9, ["octobre"] = 10, ["novembre"] = 11, ["decembre"] = 12,
    };

    /// <summary>"Yes" at a menu whose 1 confirms (right, accept, continue).</summary>
    public static readonly string[] Yes = ["yes", "yeah", "yep", "right", "correct", "that's right", "okay", "accept", "oui", "c'est ca", "exact", "exactement", "d'accord", "j'accepte"];

    /// <summary>"No" at a menu whose 2 refuses or corrects.</summary>
    public static readonly string[] No = ["no", "nope", "wrong", "not right", "refuse", "non", "pas ca", "je refuse"];

    public static readonly string[] English = ["english", "anglais"];

    public static readonly string[] French = ["french", "francais", "en francais"];

    public static readonly string[] Finish = ["finish", "done", "goodbye", "that's all", "terminer", "termine", "fini", "au revoir", "c'est tout"];

    /// <summary>Words every menu understands: a person, the prompt again.</summary>
    private static readonly (string Key, string[] Words)[] Everywhere =
    [
        ("0", ["person", "agent", "operator", "representative", "someone", "human", "quelqu un", "une personne", "un agent", "prepose", "un prepose"]),
        ("*", ["repeat", "again", "say again", "repeter", "encore", "repetez"]),
    ];

    /// <summary>The key a spoken menu answer stands for: one of <paramref name="choices"/>' words, a digit, or a shared word.</summary>
    public static string? MenuKey(string speech, IReadOnlyList<(string Key, IReadOnlyList<string> Words)> choices)
    {
        var said = Normalize(speech);
        if (said.Length == 0)
        {
            return null;
        }

        // A choice's word leads the answer ("yes, that's right"); a person or a repeat may be asked for anywhere in it.
        foreach (var (key, words) in choices)
        {
            if (words.Any(word => said == Normalize(word) || said.StartsWith(Normalize(word) + " ", StringComparison.Ordinal)))
            {
                return key;
            }
        }

        if (Digits(speech) is { Length: 1 } digit)
        {
            return digit;
        }

        var padded = $" {said} ";
        return Everywhere.FirstOrDefault(e => e.Words.Any(word => padded.Contains($" {Normalize(word)} ", StringComparison.Ordinal))).Key;
    }

    /// <summary>How a key is said in a language ("one", "un"), for the recognizer's hints; "" for * and #.</summary>
    public static string DigitWord(string key, string locale) =>
        key is [var c] && char.IsAsciiDigit(c) ? (locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? FrenchNumbers : EnglishNumbers)[c - '0'] : "";

    /// <summary>"one nine five zero", "1950 03 05", "4 1 6." → the digits; null when anything else was said.</summary>
    public static string? Digits(string speech)
    {
        var keys = new StringBuilder();
        foreach (var token in Normalize(speech).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.All(char.IsAsciiDigit))
            {
                keys.Append(token);
            }
            else if (DigitWords.TryGetValue(token, out var digit))
            {
                keys.Append(digit);
            }
            else
            {
                return null;
            }
        }

        return keys.Length > 0 ? keys.ToString() : null;
    }

    /// <summary>A whole date as YYYYMMDD: "March 5 1950", "le 5 mars 1950", "1950-03-05", "3/5/1950" (day first in French).</summary>
    public static string? FullDate(string speech, string locale)
    {
        var text = speech.Trim().TrimEnd('.');
        var numeric = text.Split(['/', '-'], StringSplitOptions.TrimEntries);
        if (numeric.Length == 3 && numeric.All(p => p.Length is > 0 and <= 4 && p.All(char.IsAsciiDigit)))
        {
            var parts = numeric.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            if (parts[0] > 31)
            {
                return Ymd(parts[0], parts[1], parts[2]);
            }

            // 23/3 can only be day first, 3/23 only month first; 3/5 follows the caller's language.
            var dayFirst = parts[0] > 12 || (parts[1] <= 12 && Entries.DayFirst(locale));
            return dayFirst ? Ymd(parts[2], parts[1], parts[0]) : Ymd(parts[2], parts[0], parts[1]);
        }

        var (month, numbers) = MonthAndNumbers(speech);
        if (month is null || numbers.Count != 2)
        {
            return null;
        }

        var (day, year) = numbers[0] > 31 ? (numbers[1], numbers[0]) : (numbers[0], numbers[1]);
        return Ymd(year, month.Value, day);
    }

    /// <summary>A day of the year as the four keys of the caller's order: "December 3rd" → 1203 (0312 day first).</summary>
    public static string? MonthDay(string speech, bool dayFirst)
    {
        var numeric = speech.Trim().TrimEnd('.').Split(['/', '-'], StringSplitOptions.TrimEntries);
        int month, day;
        if (numeric.Length == 2 && numeric.All(p => p.Length is 1 or 2 && p.All(char.IsAsciiDigit)))
        {
            var (a, b) = (int.Parse(numeric[0], CultureInfo.InvariantCulture), int.Parse(numeric[1], CultureInfo.InvariantCulture));
            (month, day) = dayFirst ? (b, a) : (a, b);
        }
        else if (MonthAndNumbers(speech) is ({ } m, [var d]))
        {
            (month, day) = (m, d);
        }
        else
        {
            return null;
        }

        return month is >= 1 and <= 12 && day is >= 1 and <= 31
            ? dayFirst ? $"{day:D2}{month:D2}" : $"{month:D2}{day:D2}"
            : null;
    }

    /// <summary>Lower case, no accents, letters, digits and single spaces only: how answers are compared.</summary>
    public static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            result.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return string.Join(' ', result.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static (int? Month, List<int> Numbers) MonthAndNumbers(string speech)
    {
        int? month = null;
        var numbers = new List<int>();
        foreach (var part in Normalize(speech).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Months.TryGetValue(part, out var m))
            {
                month = m;
            }
            else if (part == "premier" || part == "first")
            {
                numbers.Add(1);
            }
            else if (int.TryParse(new string([.. part.TakeWhile(char.IsAsciiDigit)]), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                numbers.Add(n);
            }
        }

        return (month, numbers);
    }

    private static string? Ymd(int year, int month, int day) =>
        year is >= 1000 and <= 9999 && month is >= 1 and <= 12 && day is >= 1 and <= 31
            ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}{month:D2}{day:D2}")
            : null;
}
