namespace PhoneBooking.Prompts.Speech;

/// <summary>
/// How one locale says dates, times, durations and ranks: the <c>speech:</c> section of its file.
/// Weekday and month names come from the language itself (.NET's culture data).
/// </summary>
internal sealed class SpeechStyle
{
    /// <summary>Pattern key in the file → the placeholders it may use.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> PatternPlaceholders = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["date"] = ["weekday", "month", "day"],
        ["date_with_year"] = ["weekday", "month", "day", "year"],
        ["birth_date"] = ["weekday", "month", "day", "year"],
        ["time"] = ["hour"],
        ["time_with_minutes"] = ["hour", "minute"],
        ["window"] = ["start", "end", "part"],
        ["window_across"] = ["start", "end", "start_part", "end_part"],
        ["minutes"] = ["n"],
        ["minutes_one"] = [],
    };

    public static readonly IReadOnlyList<string> PartKeys = ["morning", "afternoon", "evening", "night", "any"];

    public required IReadOnlyDictionary<string, SpeechPattern> Patterns { get; init; }

    /// <summary>12 or 24.</summary>
    public required int Clock { get; init; }

    public required Phrase Noon { get; init; }

    public required Phrase Midnight { get; init; }

    /// <summary>How the first day of a month is said, when the language does it its own way ("1er").</summary>
    public Phrase? DayOne { get; init; }

    /// <summary>One o'clock, when it is not the number 1 plus the plural ("une heure").</summary>
    public Phrase? HourOne { get; init; }

    /// <summary>morning, afternoon, evening, night, any.</summary>
    public required IReadOnlyDictionary<string, Phrase> Parts { get; init; }

    /// <summary>first, second… as a choice's rank.</summary>
    public required IReadOnlyList<Phrase> Ranks { get; init; }

    /// <summary>What the * key is called ("star", "étoile"): menus are checked for it.</summary>
    public required string Star { get; init; }

    public SpeechPattern this[string key] => Patterns[key];
}
