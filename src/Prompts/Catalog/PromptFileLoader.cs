using System.Text.RegularExpressions;
using PhoneBooking.Prompts.Checks;
using PhoneBooking.Prompts.Speech;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PhoneBooking.Prompts.Catalog;

/// <summary>
/// Reads one locale file (<c>prompts/fr-CA.yaml</c>) and checks everything a translator could get
/// wrong; every problem is a <see cref="PromptFileException"/> naming the file, line and prompt id.
/// </summary>
internal static partial class PromptFileLoader
{
    private static readonly string[] TopLevelKeys = ["speech", "places", "prompts"];
    private static readonly string[] EntryKeys = ["text", "long", "menu"];
    private static readonly string[] MenuKeys = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"];

    public static LocaleFile Load(string path, string locale)
    {
        var root = ReadRoot(path);
        Reader reader = new(path);
        reader.OnlyKeys(root, TopLevelKeys, id: null);

        var speech = SpeechSectionReader.Read(reader, reader.RequiredMapping(root, "speech", id: null));
        var places = reader.OptionalMapping(root, "places") is { } placesNode ? ReadPlaces(reader, placesNode) : new Dictionary<string, Phrase>();
        var prompts = ReadPrompts(reader, reader.RequiredMapping(root, "prompts", id: null), locale, speech.Star);
        return new LocaleFile(locale, path, prompts, speech, places);
    }

    private static YamlMappingNode ReadRoot(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var text = File.OpenText(path);
            stream.Load(text);
        }
        catch (YamlException error)
        {
            // Duplicate keys surface here too ("Duplicate key"); the key text is the prompt id.
            throw new PromptFileException(path, ToLine(error.Start), DuplicateKey(error, path), $"not valid YAML: {Describe(error)}", error);
        }
        catch (InvalidOperationException error)
        {
            // YamlDotNet's scanner throws this, with no position, on a flow list or map left open ("clock: [12").
            var (line, problem) = UnclosedBracket(path);
            throw new PromptFileException(path, line, null, $"not valid YAML: {problem}", error);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PromptFileException(path, 1, null, "expected sections 'speech:', 'places:' and 'prompts:'");
        }

        return root;
    }

    private static List<PromptEntry> ReadPrompts(Reader reader, YamlMappingNode node, string locale, string starWord)
    {
        var prompts = new List<PromptEntry>();
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var id = reader.Scalar(keyNode, null, "a prompt id");
            if (!IdPattern().IsMatch(id))
            {
                throw reader.Fail(keyNode, id, "a prompt id is lower-case words joined by dots, like book.birth_date.ask");
            }

            var entry = ReadEntry(reader, id, keyNode, valueNode, locale);

            // A menu whose keys disagree with its words would send callers to a key the flow never hears.
            if (MenuRule.Problems(starWord, entry).FirstOrDefault() is { } problem)
            {
                throw reader.Fail(keyNode, id, problem);
            }

            prompts.Add(entry);
        }

        if (prompts.Count == 0)
        {
            throw reader.Fail(node, null, "'prompts:' is empty");
        }

        return prompts;
    }

    private static PromptEntry ReadEntry(Reader reader, string id, YamlNode keyNode, YamlNode valueNode, string locale)
    {
        YamlNode textNode;
        var isLong = false;
        IReadOnlyList<string> menu = [];
        if (valueNode is YamlMappingNode fields)
        {
            reader.OnlyKeys(fields, EntryKeys, id);
            textNode = Child(fields, "text") ?? throw reader.Fail(keyNode, id, "missing 'text:'");
            if (Child(fields, "long") is { } longNode)
            {
                isLong = reader.Boolean(longNode, id);
            }

            if (Child(fields, "menu") is { } menuNode)
            {
                menu = ReadMenu(reader, menuNode, id);
            }
        }
        else
        {
            textNode = valueNode;
        }

        var text = reader.Scalar(textNode, id, "the prompt's text").Trim();
        if (text.Length == 0)
        {
            throw reader.Fail(textNode, id, "the text is empty");
        }

        Template template;
        try
        {
            template = Template.Parse(text);
        }
        catch (FormatException error)
        {
            throw reader.Fail(textNode, id, error.Message);
        }

        foreach (var name in template.Placeholders.Where(name => !Placeholders.Known.ContainsKey(name)))
        {
            throw reader.Fail(textNode, id, $"unknown placeholder {{{name}}}; known: {string.Join(", ", Placeholders.Known.Keys.Select(k => $"{{{k}}}"))}");
        }

        return new PromptEntry(id, locale, template, isLong, menu, ToLine(keyNode.Start));
    }

    private static string[] ReadMenu(Reader reader, YamlNode node, string id)
    {
        var keys = reader.Scalar(node, id, "menu keys, like: 1 2 0").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0 || keys.Any(k => !MenuKeys.Contains(k)) || keys.Distinct().Count() != keys.Length)
        {
            throw reader.Fail(node, id, $"menu must list distinct keys among 0-9, * and #, separated by spaces; found '{reader.Scalar(node, id, "menu")}'");
        }

        return keys;
    }

    /// <summary>A site's name in this language, for the voice and the text message alike (or <c>written:</c>/<c>spoken:</c> when they differ).</summary>
    private static Dictionary<string, Phrase> ReadPlaces(Reader reader, YamlMappingNode node)
    {
        var places = new Dictionary<string, Phrase>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Children)
        {
            places[reader.Scalar(key, null, "a site id")] = SpeechSectionReader.ReadPhrase(reader, value);
        }

        return places;
    }

    internal static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    internal static int ToLine(Mark mark) => (int)Math.Max(1, mark.Line);

    private static string? DuplicateKey(YamlException error, string path)
    {
        // YamlDotNet reports "Duplicate key <key>" at the second occurrence; read the key back from the file.
        if (!error.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var line = File.ReadLines(path).Skip(ToLine(error.Start) - 1).FirstOrDefault() ?? string.Empty;
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? line[..colon].Trim().Trim('"', '\'') : null;
    }

    /// <summary>The first line whose [ or { (outside quotes) is not closed on that line.</summary>
    private static (int Line, string Problem) UnclosedBracket(string path)
    {
        var lines = File.ReadAllLines(path);
        for (var index = 0; index < lines.Length; index++)
        {
            var depth = new Stack<char>();
            char? quote = null;
            foreach (var c in lines[index].TakeWhile(c => quote is not null || c != '#'))
            {
                if (quote is { } open)
                {
                    quote = c == open ? null : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c is '[' or '{')
                {
                    depth.Push(c);
                }
                else if (c is ']' or '}' && depth.Count > 0)
                {
                    depth.Pop();
                }
            }

            if (depth.Count > 0)
            {
                return (index + 1, $"'{depth.Peek()}' is never closed (write the value plainly, or close it with '{(depth.Peek() == '[' ? ']' : '}')}')");
            }
        }

        return (1, "a list or map is never closed");
    }

    private static string Describe(YamlException error)
    {
        var message = error.Message.Trim();
        return message.Contains("mapping", StringComparison.OrdinalIgnoreCase)
            ? $"{message} (a text containing ': ' must be in double quotes)"
            : message;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")]
    private static partial Regex IdPattern();

    /// <summary>Typed access to YAML nodes that fails with file, line and prompt id.</summary>
    internal sealed class Reader(string path)
    {
        public string Path { get; } = path;

        public PromptFileException Fail(YamlNode node, string? id, string problem) =>
            new(Path, ToLine(node.Start), id, problem);

        public string Scalar(YamlNode node, string? id, string what) =>
            node is YamlScalarNode { Value: { } value } ? value : throw Fail(node, id, $"expected {what} as plain text");

        public bool Boolean(YamlNode node, string? id) => Scalar(node, id, "true or false").ToLowerInvariant() switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            var other => throw Fail(node, id, $"expected true or false, found '{other}'"),
        };

        public YamlMappingNode RequiredMapping(YamlMappingNode node, string key, string? id) => Child(node, key) switch
        {
            YamlMappingNode mapping => mapping,
            null => throw Fail(node, id, $"missing '{key}:'"),
            var other => throw Fail(other, id, $"'{key}:' must hold named entries"),
        };

        public YamlMappingNode? OptionalMapping(YamlMappingNode node, string key) => Child(node, key) switch
        {
            null => null,
            YamlMappingNode mapping => mapping,
            var other => throw Fail(other, null, $"'{key}:' must hold named entries"),
        };

        public void OnlyKeys(YamlMappingNode node, IReadOnlyCollection<string> allowed, string? id)
        {
            foreach (var key in node.Children.Keys)
            {
                var name = Scalar(key, id, "a key");
                if (!allowed.Contains(name))
                {
                    throw Fail(key, id, $"unknown key '{name}'; expected one of: {string.Join(", ", allowed)}");
                }
            }
        }
    }
}
