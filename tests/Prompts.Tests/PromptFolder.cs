using PhoneBooking.Prompts.Catalog;

namespace PhoneBooking.Prompts.Tests;

/// <summary>A throw-away prompts folder on disk: locale files and recordings written by the test.</summary>
public sealed class PromptFolder : IDisposable
{
    /// <summary>A complete, valid <c>speech:</c> section in English.</summary>
    public const string EnglishSpeech = """
        speech:
          date: "{weekday}, {month} {day}"
          date_with_year: "{weekday}, {month} {day}, {year}"
          birth_date: "{month} {day}, {year}"
          clock: 12
          time: "{hour}"
          time_with_minutes: "{hour}:{minute}"
          noon: noon
          midnight: midnight
          window: "between {start} and {end} {part}"
          window_across: "between {start} {start_part} and {end} {end_part}"
          parts: { morning: in the morning, afternoon: in the afternoon, evening: in the evening, night: at night, any: at any time }
          minutes: "{n} minutes"
          minutes_one: "1 minute"
          ranks: [first, second]
          star: star
        """;

    public const string FrenchSpeech = """
        speech:
          date: "{weekday} {day} {month}"
          date_with_year: "{weekday} {day} {month} {year}"
          birth_date: "{day} {month} {year}"
          clock: 24
          time: "{hour} h"
          time_with_minutes: "{hour} h {minute}"
          noon: midi
          midnight: minuit
          window: "entre {start} et {end}"
          window_across: "entre {start} et {end}"
          parts: { morning: en matinée, afternoon: en après-midi, evening: en soirée, night: la nuit, any: à n'importe quelle heure }
          minutes: "{n} minutes"
          minutes_one: "1 minute"
          ranks: [premier, deuxième]
          star: étoile
        """;

    public PromptFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "prompts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The prompts shipped in prompts/ (copied next to the test assembly by the build).</summary>
    public static string Shipped => System.IO.Path.Combine(AppContext.BaseDirectory, "prompts");

    /// <summary>Writes <c>{locale}.yaml</c>: the speech section, then <paramref name="prompts"/> under <c>prompts:</c>.</summary>
    public string Write(string locale, string prompts, string? speech = null, string places = "")
    {
        var indented = string.Join('\n', prompts.Split('\n').Select(line => "  " + line));
        var text = $"{speech ?? (locale.StartsWith("fr", StringComparison.Ordinal) ? FrenchSpeech : EnglishSpeech)}\n{places}\nprompts:\n{indented}\n";
        return WriteRaw($"{locale}.yaml", text);
    }

    public string WriteRaw(string fileName, string text)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public PromptOptions Options(Action<PromptOptions>? configure = null)
    {
        var options = new PromptOptions { Directory = Path };
        options.Voices["fr"] = new PromptVoice { Name = "Polly.Lea-Neural", Language = "fr-FR" };
        configure?.Invoke(options);
        return options;
    }

    public PromptCatalog Load(Action<PromptOptions>? configure = null) => PromptCatalog.Load(Options(configure));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
