using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;

namespace PhoneBooking.Prompts.Rendering;

/// <summary>
/// Recorded prompts: <c>audio/{locale}/{id}.wav|mp3</c> replaces the voice for that prompt, and
/// <c>audio/{locale}/slow/{id}.wav|mp3</c> for callers who asked for slow speech (without it they
/// hear the voice slowed down, not the normal recording). Only prompts without placeholders can be
/// recorded; a recording of one with placeholders is reported and ignored.
/// </summary>
internal sealed class AudioOverrides
{
    private static readonly string[] Extensions = [".wav", ".mp3"];

    private readonly Dictionary<(string Locale, string Id, SpeechRate Rate), Uri> _files = [];
    private readonly List<string> _problems = [];

    private AudioOverrides()
    {
    }

    /// <summary>Files that are not used, and why (a misspelt id, a prompt with placeholders).</summary>
    public IReadOnlyList<string> Problems => _problems;

    public int Count => _files.Count;

    public static AudioOverrides Scan(string audioDirectory, string baseUrl, IEnumerable<LocaleFile> locales)
    {
        var overrides = new AudioOverrides();
        foreach (var locale in locales)
        {
            overrides.ScanFolder(Path.Combine(audioDirectory, locale.Locale), baseUrl, locale, SpeechRate.Normal);
            overrides.ScanFolder(Path.Combine(audioDirectory, locale.Locale, "slow"), baseUrl, locale, SpeechRate.Slow);
        }

        return overrides;
    }

    public Uri? Find(string locale, string id, SpeechRate rate) => _files.GetValueOrDefault((locale, id, rate));

    private void ScanFolder(string folder, string baseUrl, LocaleFile locale, SpeechRate rate)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var relativeFolder = rate == SpeechRate.Slow ? $"{locale.Locale}/slow" : locale.Locale;
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var extension = Path.GetExtension(file).ToLowerInvariant();
            if (!Extensions.Contains(extension))
            {
                continue;
            }

            var id = Path.GetFileNameWithoutExtension(file);
            if (!locale.ById.TryGetValue(id, out var entry))
            {
                _problems.Add($"audio/{relativeFolder}/{name}: no prompt '{id}' in {locale.Locale}");
            }
            else if (entry.Placeholders.Count > 0)
            {
                _problems.Add($"audio/{relativeFolder}/{name}: '{id}' has placeholders ({string.Join(", ", entry.Placeholders)}), so it is always spoken");
            }
            else if (!_files.TryAdd((locale.Locale, id, rate), ToUrl(baseUrl, relativeFolder, name)))
            {
                _problems.Add($"audio/{relativeFolder}/{name}: another recording of '{id}' is used instead");
            }
        }
    }

    private static Uri ToUrl(string baseUrl, string relativeFolder, string fileName)
    {
        var path = string.Join('/', relativeFolder.Split('/').Append(fileName).Select(Uri.EscapeDataString));
        var url = $"{baseUrl.TrimEnd('/')}/{path}";
        return new Uri(url, baseUrl.StartsWith('/') ? UriKind.Relative : UriKind.Absolute);
    }
}
