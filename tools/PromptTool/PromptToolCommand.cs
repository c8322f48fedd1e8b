using System.CommandLine;
using PhoneBooking.Prompts;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;

namespace PhoneBooking.PromptTool;

/// <summary>The command table: <c>list</c> and <c>render-audio</c>.</summary>
internal static class PromptToolCommand
{
    public static RootCommand Create()
    {
        var prompts = new Option<DirectoryInfo?>("--prompts")
        {
            Description = "Folder of locale files (default: the prompts/ copied next to this tool at build time)",
            Recursive = true,
        };
        var locales = new Option<string[]>("--locale")
        {
            Description = "Only these locales (repeatable), e.g. --locale fr-CA",
            Recursive = true,
        };

        var list = new Command("list", "Every prompt per locale: words, estimated seconds at 150 words a minute, totals, rule problems");
        list.SetAction(parse =>
        {
            var catalog = Load(parse.GetValue(prompts));
            return PromptList.Write(catalog, Selected(catalog, parse.GetValue(locales)), parse.InvocationConfiguration.Output);
        });

        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the WAV files: {out}/{locale}/{id}.wav", Required = true };
        var slow = new Option<bool>("--slow") { Description = "Render at the slow rate callers get after pressing 9" };
        var espeak = new Option<string>("--espeak") { Description = "The espeak-ng program", DefaultValueFactory = _ => "espeak-ng" };
        var render = new Command("render-audio", "Render every prompt (with sample values) to WAV with espeak-ng, to review by ear") { output, slow, espeak };
        render.SetAction(parse =>
        {
            var catalog = Load(parse.GetValue(prompts));
            var renderer = new AudioRenderer(new Espeak(parse.GetValue(espeak)!), parse.InvocationConfiguration.Output);
            return renderer.Render(
                catalog,
                Selected(catalog, parse.GetValue(locales)),
                parse.GetValue(output)!,
                parse.GetValue(slow) ? SpeechRate.Slow : SpeechRate.Normal,
                parse.InvocationConfiguration.Error);
        });

        return new RootCommand("PhoneBooking prompt tool: review what the phone line says") { prompts, locales, list, render };
    }

    /// <summary>
    /// Loads the catalog as the line does. A locale with no voice in the defaults gets Twilio's basic
    /// voice here: the tool reads text, and a new translation should not need configuration first.
    /// </summary>
    internal static PromptCatalog Load(DirectoryInfo? folder)
    {
        var options = new PromptOptions();
        if (folder is not null)
        {
            options.Directory = folder.FullName;
        }

        foreach (var file in Directory.EnumerateFiles(Path.GetFullPath(options.Directory, AppContext.BaseDirectory), "*.yaml"))
        {
            var locale = Path.GetFileNameWithoutExtension(file);
            options.Voices.TryAdd(locale, new PromptVoice { Name = "woman", Language = locale });
        }

        return PromptCatalog.Load(options);
    }

    private static IReadOnlyList<string> Selected(PromptCatalog catalog, string[]? wanted)
    {
        if (wanted is not { Length: > 0 })
        {
            return catalog.Locales;
        }

        var unknown = wanted.Where(w => !catalog.Locales.Contains(w, StringComparer.OrdinalIgnoreCase)).ToList();
        return unknown.Count == 0
            ? [.. catalog.Locales.Where(l => wanted.Contains(l, StringComparer.OrdinalIgnoreCase))]
            : throw new ArgumentException($"No prompt file for {string.Join(", ", unknown)}; there are: {string.Join(", ", catalog.Locales)}.");
    }
}
