using System.Text;

namespace PhoneBooking.Prompts.Speech;

public sealed record SpokenDate(DateOnly Value, bool WithYear) : SpeechValue;

public sealed record SpokenBirthDate(DateOnly Value) : SpeechValue;

public sealed record SpokenWindow : SpeechValue
{
    public SpokenWindow(TimeOnly start, TimeOnly end)
    {
        if (start == end)
        {
            throw new ArgumentException($"A window needs a start and an end; both are {start:HH:mm}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }

    public TimeOnly End { get; }
}

public sealed record SpokenCode : SpeechValue
{
    public SpokenCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var characters = new string([.. code.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
        if (characters.Length == 0 || characters.Length > 20 || !characters.All(char.IsAscii))
        {
            throw new ArgumentException("A code is 1 to 20 ASCII letters or digits.", nameof(code));
        }

        Characters = characters;
    }

    /// <summary>Letters and digits only, upper case.</summary>
    public string Characters { get; }
}

public sealed record SpokenPhone : SpeechValue
{
    public SpokenPhone(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);

        // North American numbers are read without the leading 1: callers dial and write 10 digits.
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        if (digits.Length is < 3 or > 15)
        {
            throw new ArgumentException("A phone number has 3 to 15 digits.", nameof(number));
        }

        Digits = digits;
    }

    public string Digits { get; }

    public bool IsNorthAmerican => Digits.Length == 10;
}

public sealed record SpokenPlace(string Name, string? SpokenName, string? AliasKey) : SpeechValue;

public sealed record SpokenCount : SpeechValue
{
    public SpokenCount(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Value = value;
    }

    public int Value { get; }
}

public sealed record SpokenMinutes : SpeechValue
{
    public SpokenMinutes(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Value = value;
    }

    public int Value { get; }
}

public sealed record SpokenRank : SpeechValue
{
    public SpokenRank(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        Value = value;
    }

    public int Value { get; }
}

public sealed record SpokenDayPart(PartOfDay Part) : SpeechValue;

public sealed record SpokenText : SpeechValue
{
    public const int MaxLength = 400;

    public SpokenText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = Clean(text);
        if (cleaned.Length == 0)
        {
            throw new ArgumentException("The text is empty once cleaned.", nameof(text));
        }

        Value = cleaned;
    }

    public string Value { get; }

    /// <summary>
    /// Keeps what a voice can read: no control or non-XML characters, one space between words,
    /// at most <see cref="MaxLength"/> characters (cut at a word). Markup stays literal text:
    /// the TwiML writer escapes it.
    /// </summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || !IsXmlCharacter(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        var cleaned = builder.ToString();
        if (cleaned.Length <= MaxLength)
        {
            return cleaned;
        }

        var cut = cleaned.LastIndexOf(' ', MaxLength);
        return cleaned[..(cut > 0 ? cut : MaxLength)];
    }

    private static bool IsXmlCharacter(Rune rune) =>
        rune.Value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or >= 0x10000;
}
