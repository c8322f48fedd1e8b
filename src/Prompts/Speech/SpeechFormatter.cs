using System.Globalization;

namespace PhoneBooking.Prompts.Speech;

/// <summary>Turns typed values into speech parts the way one locale says them.</summary>
internal sealed class SpeechFormatter(SpeechStyle style, CultureInfo culture, IReadOnlyDictionary<string, Phrase> placeAliases)
{
    /// <summary>Between groups of a code or phone number: time to write the group down.</summary>
    public const int GroupPauseMilliseconds = 600;

    public IReadOnlyList<SpeechPart> Format(SpeechValue value) => value switch
    {
        SpokenDate date => [Words(FormatDate(date.Value, date.WithYear ? "date_with_year" : "date"))],
        SpokenBirthDate birth => [Words(FormatDate(birth.Value, "birth_date"))],
        SpokenWindow window => [Words(FormatWindow(window.Start, window.End))],
        SpokenCode code => Grouped(code.Characters, EvenGroups(code.Characters.Length), " "),
        SpokenPhone phone => Grouped(phone.Digits, phone.IsNorthAmerican ? [3, 3, 4] : EvenGroups(phone.Digits.Length), "-"),
        SpokenPlace place => [FormatPlace(place)],
        SpokenCount count => [Words(Phrase.Same(count.Value.ToString(culture)))],
        SpokenMinutes minutes => [Words(FormatMinutes(minutes.Value))],
        SpokenRank rank => [Words(FormatRank(rank.Value))],
        SpokenDayPart part => [Words(style.Parts[part.Part.ToString().ToLowerInvariant()])],
        SpokenText text => [Words(Phrase.Same(text.Value))],
        _ => throw new ArgumentException($"No speech format for {value.GetType().Name}.", nameof(value)),
    };

    internal Phrase FormatDate(DateOnly date, string patternKey)
    {
        var names = culture.DateTimeFormat;
        var day = date.Day == 1 && style.DayOne is { } dayOne ? dayOne : Number(date.Day);
        return style[patternKey].Apply(new Dictionary<string, Phrase>
        {
            ["weekday"] = Phrase.Same(names.GetDayName(date.DayOfWeek)),
            ["month"] = Phrase.Same(names.GetMonthName(date.Month)),
            ["day"] = day,
            ["year"] = Number(date.Year),
        });
    }

    internal Phrase FormatTime(TimeOnly time)
    {
        if (time.Minute == 0 && time.Hour is 0 or 12)
        {
            return time.Hour == 12 ? style.Noon : style.Midnight;
        }

        var hour = style.Clock == 24 ? time.Hour : (time.Hour % 12 == 0 ? 12 : time.Hour % 12);
        if (hour == 1 && time.Minute == 0 && style.HourOne is { } one)
        {
            return one;
        }

        return time.Minute == 0
            ? style["time"].Apply(new Dictionary<string, Phrase> { ["hour"] = Number(hour) })
            : style["time_with_minutes"].Apply(new Dictionary<string, Phrase>
            {
                ["hour"] = Number(hour),
                ["minute"] = Phrase.Same(time.Minute.ToString("D2", CultureInfo.InvariantCulture)),
            });
    }

    /// <summary>
    /// "between 10 and 11 in the morning"; across a change of part, or at noon or midnight, each end
    /// carries its own part: "between 11 in the morning and noon". The end belongs to the part of the
    /// minute before it, so 4 to 5 p.m. stays "in the afternoon".
    /// </summary>
    internal Phrase FormatWindow(TimeOnly start, TimeOnly end)
    {
        var startPart = IsNoonOrMidnight(start) ? null : PartKey(start);
        var endPart = IsNoonOrMidnight(end) ? null : PartKey(end.AddMinutes(-1));
        var values = new Dictionary<string, Phrase>
        {
            ["start"] = FormatTime(start),
            ["end"] = FormatTime(end),
        };

        if (startPart is not null && startPart == endPart)
        {
            values["part"] = style.Parts[startPart];
            return style["window"].Apply(values);
        }

        values["start_part"] = startPart is null ? Phrase.Same(string.Empty) : style.Parts[startPart];
        values["end_part"] = endPart is null ? Phrase.Same(string.Empty) : style.Parts[endPart];
        return style["window_across"].Apply(values);
    }

    /// <summary>Groups as even as possible, at most four characters each: 8 → 4+4, 7 → 4+3, 9 → 3+3+3.</summary>
    internal static int[] EvenGroups(int length)
    {
        var count = (length + 3) / 4;
        return [.. Enumerable.Range(0, count).Select(i => (length / count) + (i < length % count ? 1 : 0))];
    }

    private static bool IsNoonOrMidnight(TimeOnly time) => time.Minute == 0 && time.Hour is 0 or 12;

    private static string PartKey(TimeOnly time) => time.Hour switch
    {
        < 12 => "morning",
        < 17 => "afternoon",
        < 21 => "evening",
        _ => "night",
    };

    private static Phrase Number(int value) => Phrase.Same(value.ToString(CultureInfo.InvariantCulture));

    private static TextPart Words(Phrase phrase) => new(phrase.Spoken, phrase.Written);

    private static List<SpeechPart> Grouped(string characters, int[] sizes, string writtenSeparator)
    {
        var parts = new List<SpeechPart>();
        var position = 0;
        foreach (var size in sizes)
        {
            if (position > 0)
            {
                parts.Add(new PausePart(GroupPauseMilliseconds, writtenSeparator));
            }

            parts.Add(new CharactersPart(characters.Substring(position, size)));
            position += size;
        }

        return parts;
    }

    private TextPart FormatPlace(SpokenPlace place)
    {
        // The language's own name for the site, in the voice and in the text message alike.
        return place.AliasKey is { } key && placeAliases.TryGetValue(key, out var alias)
            ? new TextPart(alias.Spoken, alias.Written)
            : new TextPart(place.SpokenName ?? place.Name, place.Name);
    }

    private Phrase FormatMinutes(int minutes) => minutes == 1
        ? style["minutes_one"].Apply(new Dictionary<string, Phrase>())
        : style["minutes"].Apply(new Dictionary<string, Phrase> { ["n"] = Number(minutes) });

    private Phrase FormatRank(int rank) => rank <= style.Ranks.Count ? style.Ranks[rank - 1] : Number(rank);
}
