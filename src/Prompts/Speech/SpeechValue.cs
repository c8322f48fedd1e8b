namespace PhoneBooking.Prompts.Speech;

/// <summary>
/// A value spoken inside a prompt (<c>{date}</c>, <c>{code}</c>…). Typed, not a string, so each
/// locale reads it its own way: "Tuesday, March 23" / "mardi 23 mars".
/// </summary>
public abstract record SpeechValue
{
    /// <summary>A day, with its weekday: "Tuesday, March 23". Add the year when it is not this year.</summary>
    public static SpokenDate Date(DateOnly date, bool withYear = false) => new(date, withYear);

    /// <summary>A birth date read back for confirmation, always with the year: "March 23, 1950".</summary>
    public static SpokenBirthDate BirthDate(DateOnly date) => new(date);

    /// <summary>A time window on the site's clock: "between 10 and 11 in the morning".</summary>
    public static SpokenWindow Window(TimeOnly start, TimeOnly end) => new(start, end);

    /// <summary>A window from the API's offsets (already the site's local time): the wall clock is read.</summary>
    public static SpokenWindow Window(DateTimeOffset start, DateTimeOffset end) =>
        new(TimeOnly.FromDateTime(start.DateTime), TimeOnly.FromDateTime(end.DateTime));

    /// <summary>A code read character by character, in groups with pauses: "4 8 2 1 … 3 9 0 7".</summary>
    public static SpokenCode Code(string code) => new(code);

    /// <summary>A phone number read digit by digit in groups (3-3-4 for North America).</summary>
    public static SpokenPhone Phone(string number) => new(number);

    /// <summary>A site: its spoken alias in the locale file (by <paramref name="siteId"/>), else the API's spoken name.</summary>
    public static SpokenPlace Site(string siteId, string name, string? spokenName = null) => new(name, spokenName, siteId);

    /// <summary>A place with no alias key (a retirement home): its spoken name, else its name.</summary>
    public static SpokenPlace Place(string name, string? spokenName = null) => new(name, spokenName, null);

    public static SpokenCount Count(int value) => new(value);

    public static SpokenMinutes Minutes(int value) => new(value);

    /// <summary>An ordinal rank of a choice: 1 → "first" / "premier".</summary>
    public static SpokenRank Rank(int value) => new(value);

    public static SpokenDayPart DayPart(PartOfDay part) => new(part);

    /// <summary>Free text typed at run time (the incident message): cleaned, never read as markup.</summary>
    public static SpokenText Text(string text) => new(text);
}
