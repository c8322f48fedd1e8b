using PhoneBooking.Prompts.Speech;

namespace PhoneBooking.Prompts.Catalog;

/// <summary>One prompt of one locale file, as loaded and validated.</summary>
public sealed class PromptEntry
{
    internal PromptEntry(string id, string locale, Template template, bool isLong, IReadOnlyList<string> menuKeys, int line = 1)
    {
        Line = line;
        Id = id;
        Locale = locale;
        Template = template;
        IsLong = isLong;
        MenuKeys = menuKeys;
    }

    public string Id { get; }

    /// <summary>The line of its id in its file (for messages that say where to look).</summary>
    public int Line { get; }

    /// <summary>The locale of the file it comes from (after fallback, not necessarily the caller's).</summary>
    public string Locale { get; }

    public string Text => Template.Source;

    /// <summary>Over the word limit on purpose (<c>long: true</c>), e.g. a text message body.</summary>
    public bool IsLong { get; }

    /// <summary>Keys this prompt offers (<c>menu: 1 2 0</c>); empty when it is not a menu.</summary>
    public IReadOnlyList<string> MenuKeys { get; }

    public IReadOnlyList<string> Placeholders => Template.Placeholders;

    internal Template Template { get; }

    public override string ToString() => $"{Locale}/{Id}";
}
