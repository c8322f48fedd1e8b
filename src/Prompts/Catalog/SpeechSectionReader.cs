using PhoneBooking.Prompts.Speech;
using YamlDotNet.RepresentationModel;

namespace PhoneBooking.Prompts.Catalog;

/// <summary>Reads a locale file's <c>speech:</c> section into a <see cref="SpeechStyle"/>.</summary>
internal static class SpeechSectionReader
{
    private static readonly string[] PhraseKeys = ["noon", "midnight", "day_one", "hour_one"];
    private static readonly string[] OtherKeys = ["clock", "parts", "ranks", "star"];

    public static SpeechStyle Read(PromptFileLoader.Reader reader, YamlMappingNode node)
    {
        reader.OnlyKeys(node, [.. SpeechStyle.PatternPlaceholders.Keys, .. PhraseKeys, .. OtherKeys], id: null);

        var patterns = SpeechStyle.PatternPlaceholders.ToDictionary(
            entry => entry.Key,
            entry => ReadPattern(reader, Required(reader, node, entry.Key), entry.Key, entry.Value),
            StringComparer.Ordinal);

        var clockNode = Required(reader, node, "clock");
        var clock = reader.Scalar(clockNode, null, "12 or 24") switch
        {
            "12" => 12,
            "24" => 24,
            var other => throw reader.Fail(clockNode, null, $"speech.clock must be 12 or 24, found '{other}'"),
        };

        var partsNode = Required(reader, node, "parts") as YamlMappingNode ?? throw reader.Fail(node, null, "speech.parts must hold named entries");
        reader.OnlyKeys(partsNode, SpeechStyle.PartKeys, id: null);
        var parts = SpeechStyle.PartKeys.ToDictionary(key => key, key => ReadPhrase(reader, Required(reader, partsNode, key)), StringComparer.Ordinal);

        var ranksNode = Required(reader, node, "ranks") as YamlSequenceNode ?? throw reader.Fail(node, null, "speech.ranks must be a list: [first, second, …]");
        var ranks = ranksNode.Children.Select(rank => ReadPhrase(reader, rank)).ToList();

        return new SpeechStyle
        {
            Patterns = patterns,
            Clock = clock,
            Noon = ReadPhrase(reader, Required(reader, node, "noon")),
            Midnight = ReadPhrase(reader, Required(reader, node, "midnight")),
            DayOne = PromptFileLoader.Child(node, "day_one") is { } dayOne ? ReadPhrase(reader, dayOne) : null,
            HourOne = PromptFileLoader.Child(node, "hour_one") is { } hourOne ? ReadPhrase(reader, hourOne) : null,
            Parts = parts,
            Ranks = ranks,
            Star = reader.Scalar(Required(reader, node, "star"), null, "the name of the * key"),
        };
    }

    private static YamlNode Required(PromptFileLoader.Reader reader, YamlMappingNode node, string key) =>
        PromptFileLoader.Child(node, key) ?? throw reader.Fail(node, null, $"speech section is missing '{key}:'");

    /// <summary>Plain text, or <c>{ written: …, spoken: … }</c> when the voice needs other words than the text message.</summary>
    internal static Phrase ReadPhrase(PromptFileLoader.Reader reader, YamlNode node)
    {
        if (node is not YamlMappingNode forms)
        {
            return Phrase.Same(reader.Scalar(node, null, "words"));
        }

        reader.OnlyKeys(forms, ["written", "spoken"], id: null);
        var written = PromptFileLoader.Child(forms, "written") ?? throw reader.Fail(node, null, "missing 'written:'");
        var spoken = PromptFileLoader.Child(forms, "spoken") ?? throw reader.Fail(node, null, "missing 'spoken:'");
        return new Phrase(reader.Scalar(written, null, "words"), reader.Scalar(spoken, null, "words"));
    }

    private static SpeechPattern ReadPattern(PromptFileLoader.Reader reader, YamlNode node, string key, string[] allowed)
    {
        var phrase = ReadPhrase(reader, node);
        SpeechPattern pattern;
        try
        {
            pattern = new SpeechPattern(Template.Parse(phrase.Written), Template.Parse(phrase.Spoken));
        }
        catch (FormatException error)
        {
            throw reader.Fail(node, null, $"speech.{key}: {error.Message}");
        }

        if (pattern.Placeholders.FirstOrDefault(name => !allowed.Contains(name)) is { } unknown)
        {
            var known = allowed.Length == 0 ? "none" : string.Join(", ", allowed.Select(a => $"{{{a}}}"));
            throw reader.Fail(node, null, $"speech.{key}: unknown placeholder {{{unknown}}}; known here: {known}");
        }

        return pattern;
    }
}
