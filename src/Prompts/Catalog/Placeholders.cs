using PhoneBooking.Prompts.Speech;

namespace PhoneBooking.Prompts.Catalog;

/// <summary>
/// Every placeholder a prompt may use, the value type the caller of <c>Render</c> must pass for it,
/// and a sample (word counts, the PromptTool). A name not listed here is a file error; docs/prompts.md
/// says how each is read.
/// </summary>
public static class Placeholders
{
    public static readonly IReadOnlyDictionary<string, Placeholder> Known = new[]
    {
        new Placeholder("message", typeof(SpokenText), SpeechValue.Text("Our lines are very busy today. Thank you for your patience.")),
        new Placeholder("birth_date", typeof(SpokenBirthDate), SpeechValue.BirthDate(new DateOnly(1950, 3, 23))),
        new Placeholder("date", typeof(SpokenDate), SpeechValue.Date(new DateOnly(2027, 3, 23))),
        new Placeholder("window", typeof(SpokenWindow), SpeechValue.Window(new TimeOnly(10, 0), new TimeOnly(11, 0))),
        new Placeholder("site", typeof(SpokenPlace), SpeechValue.Site("north-york", "North York Civic Centre")),
        new Placeholder("facility", typeof(SpokenPlace), SpeechValue.Place("Maple Grove Residence")),
        new Placeholder("code", typeof(SpokenCode), SpeechValue.Code("48213907")),
        new Placeholder("reference", typeof(SpokenCode), SpeechValue.Code("GV7305")),
        new Placeholder("phone", typeof(SpokenPhone), SpeechValue.Phone("+14165550123")),
        new Placeholder("line_number", typeof(SpokenPhone), SpeechValue.Phone("+18005550199")),
        new Placeholder("position", typeof(SpokenCount), SpeechValue.Count(12)),
        new Placeholder("residents", typeof(SpokenCount), SpeechValue.Count(40)),
        new Placeholder("staff", typeof(SpokenCount), SpeechValue.Count(12)),
        new Placeholder("minutes", typeof(SpokenMinutes), SpeechValue.Minutes(10)),
        new Placeholder("rank", typeof(SpokenRank), SpeechValue.Rank(1)),
        new Placeholder("part", typeof(SpokenDayPart), SpeechValue.DayPart(PartOfDay.Morning)),
    }.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Sample values for the given placeholders (for counting words and listening).</summary>
    public static IReadOnlyDictionary<string, SpeechValue> SamplesFor(IEnumerable<string> names) =>
        names.ToDictionary(name => name, name => Known[name].Sample, StringComparer.Ordinal);
}

public sealed record Placeholder(string Name, Type ValueType, SpeechValue Sample);
