using System.Globalization;
using System.Text;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// Turns what a caller said into the keys they could have pressed, so the call flow has one kind
/// of input: "one nine five zero…" or "1950 03 05" become digits, and a spoken date
/// ("March 5th 1950", "le 5 mars 1950") becomes YYYYMMDD. Anything else becomes nothing (a re-prompt).
/// </summary>
public static class SpokenDigits
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = "0", ["oh"] = "0", ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4",
        ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8", ["nine"] = "9",
        ["zéro"] = "0", ["un"] = "1", ["une"] = "1", ["deux"] = "2", ["trois"] = "3", ["quatre"] = "4",
        ["cinq"] = "5", ["sept"] = "7", ["huit"] = "8", ["neuf"] = "9",
    };

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        ["janvier"] = 1, ["février"] = 2, ["fevrier"] = 2, ["mars"] = 3, ["avril"] = 4, ["mai"] = 5, ["juin"] = 6,
        ["juillet"] = 7, ["août"] = 8, ["aout"] = 8, ["septembre"] = 9, ["octobre"] = 10, ["novembre"] = 11, ["décembre"] = 12, ["decembre"] = 12,
    };

    public static string? ToKeys(string? speech)
    {
        if (string.IsNullOrWhiteSpace(speech))
        {
            return null;
        }

        return SpokenDate(speech) ?? DigitsOnly(speech);
    }

    /// <summary>"March 5 1950", "5 March 1950", "le 5 mars 1950" → 19500305.</summary>
    private static string? SpokenDate(string speech)
    {
        var parts = speech.ToLowerInvariant().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        int? month = null;
        var numbers = new List<int>();
        foreach (var part in parts)
        {
            if (Months.TryGetValue(part, out var m))
            {
                month = m;
            }
            else if (int.TryParse(new string(part.TakeWhile(char.IsAsciiDigit).ToArray()), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                numbers.Add(n);
            }
        }

        if (month is null || numbers.Count != 2)
        {
            return null;
        }

        var (day, year) = numbers[0] > 31 ? (numbers[1], numbers[0]) : (numbers[0], numbers[1]);
        return year is >= 1000 and <= 9999 && day is >= 1 and <= 31
            ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}{month:D2}{day:D2}")
            : null;
    }

    private static string? DigitsOnly(string speech)
    {
        var keys = new StringBuilder();
        foreach (var token in speech.Split([' ', ',', '.', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.All(char.IsAsciiDigit))
            {
                keys.Append(token);
            }
            else if (Words.TryGetValue(token, out var digit))
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
}
