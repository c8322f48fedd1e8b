using System.Globalization;
using PhoneBooking.Prompts.Speech;

namespace PhoneBooking.Prompts.Catalog;

/// <summary>One loaded locale file: its prompts in file order, how it says values, its place aliases.</summary>
internal sealed class LocaleFile
{
    public LocaleFile(string locale, string path, IReadOnlyList<PromptEntry> prompts, SpeechStyle speech, IReadOnlyDictionary<string, Phrase> places)
    {
        Locale = locale;
        Path = path;
        Prompts = prompts;
        ById = prompts.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Speech = speech;
        Formatter = new SpeechFormatter(speech, CultureInfo.GetCultureInfo(locale), places);
    }

    public string Locale { get; }

    public string Path { get; }

    public IReadOnlyList<PromptEntry> Prompts { get; }

    public IReadOnlyDictionary<string, PromptEntry> ById { get; }

    public SpeechStyle Speech { get; }

    public SpeechFormatter Formatter { get; }
}
