using System.Globalization;
using System.Text;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;

namespace PhoneBooking.PromptTool;

/// <summary>
/// <c>render-audio</c>: every prompt, filled with sample values, to <c>{out}/{locale}/{id}.wav</c>,
/// plus an <c>index.txt</c> per locale with what each file says, to follow while listening.
/// </summary>
internal sealed class AudioRenderer(Espeak espeak, TextWriter output)
{
    public const int EspeakMissing = 2;

    public int Render(PromptCatalog catalog, IReadOnlyList<string> locales, DirectoryInfo folder, SpeechRate rate, TextWriter error)
    {
        try
        {
            espeak.Voices();
        }
        catch (EspeakMissingException missing)
        {
            error.WriteLine(missing.Message);
            return EspeakMissing;
        }

        var total = 0;
        foreach (var locale in locales)
        {
            var voice = espeak.VoiceFor(locale);
            var localeFolder = Directory.CreateDirectory(Path.Combine(folder.FullName, locale));
            var index = new StringBuilder();
            foreach (var id in catalog.Ids.Union(catalog.EntriesOf(locale).Select(e => e.Id)))
            {
                var entry = catalog.Find(id, locale)!;
                var speech = catalog.Compose(id, locale, Placeholders.SamplesFor(entry.Placeholders));
                espeak.RenderSsml(speech.ToSsml(rate), entry.Locale == locale ? voice : espeak.VoiceFor(entry.Locale), Path.Combine(localeFolder.FullName, $"{id}.wav"));
                index.Append(CultureInfo.InvariantCulture, $"{id}.wav\t{speech.ToSpokenText()}\n");
                total++;
            }

            File.WriteAllText(Path.Combine(localeFolder.FullName, "index.txt"), index.ToString());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{locale}: {localeFolder.FullName} (espeak-ng voice {voice})"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rendered {total} prompts at {rate.ToString().ToLowerInvariant()} speed."));
        return 0;
    }
}
