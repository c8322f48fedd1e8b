using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PhoneBooking.Prompts.Rendering;
using PhoneBooking.Prompts.Speech;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace PhoneBooking.Prompts.Catalog;

/// <summary>
/// Every prompt of every locale, loaded and checked once at start. The call flow asks it for a
/// prompt by id and locale and gets TwiML (&lt;Say&gt; or &lt;Play&gt;) back; a prompt missing
/// in a locale comes from its parent locale, then from the default one, in that locale's voice.
/// </summary>
public sealed partial class PromptCatalog
{
    private readonly Dictionary<string, LocaleFile> _locales;
    private readonly LocaleChain _chain;
    private readonly PromptOptions _options;
    private readonly SpeechRates _rates;
    private readonly AudioOverrides _audio;
    private readonly Counter<long>? _rendered;

    private PromptCatalog(PromptOptions options, Dictionary<string, LocaleFile> locales, AudioOverrides audio, Counter<long>? rendered)
    {
        _options = options;
        _locales = locales;
        _audio = audio;
        _rendered = rendered;
        _rates = new SpeechRates(options.NormalRatePercent, options.SlowRatePercent);
        DefaultLocale = locales.Keys.Single(l => string.Equals(l, options.DefaultLocale, StringComparison.OrdinalIgnoreCase));
        _chain = new LocaleChain(locales.Keys, DefaultLocale);
    }

    public string DefaultLocale { get; }

    /// <summary>Loaded locales, default first.</summary>
    public IReadOnlyList<string> Locales => [DefaultLocale, .. _locales.Keys.Where(l => l != DefaultLocale).Order(StringComparer.Ordinal)];

    /// <summary>The ids of the default locale, in file order: the reference list.</summary>
    public IReadOnlyList<string> Ids => [.. _locales[DefaultLocale].Prompts.Select(p => p.Id)];

    /// <summary>Recordings found under audio/ that are not used, and why.</summary>
    public IReadOnlyList<string> AudioProblems => _audio.Problems;

    internal IReadOnlyCollection<LocaleFile> Files => _locales.Values;

    /// <summary>Loads every <c>*.yaml</c> in the prompts folder (file name = locale) and the recordings under <c>audio/</c>.</summary>
    /// <exception cref="PromptFileException">A file is broken: names the file, line and prompt id.</exception>
    public static PromptCatalog Load(PromptOptions options, ILogger? logger = null, IMeterFactory? meters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        var directory = options.ResolvedDirectory;
        var locales = new Dictionary<string, LocaleFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var locale = LocaleOf(path);
            if (options.VoiceFor(locale) is null)
            {
                throw new PromptFileException(path, 1, null, $"no voice for {locale}: add Prompts:Voices:{locale}:Name and :Language to the configuration");
            }

            locales.Add(locale, PromptFileLoader.Load(path, locale));
        }

        if (!locales.ContainsKey(options.DefaultLocale))
        {
            throw new PromptFileException(Path.Combine(directory, $"{options.DefaultLocale}.yaml"), 1, null, $"the default locale {options.DefaultLocale} has no file in {directory}");
        }

        var audio = AudioOverrides.Scan(Path.Combine(directory, "audio"), options.AudioBaseUrl, locales.Values);
        foreach (var problem in audio.Problems)
        {
            LogAudioIgnored(logger, problem);
        }

        var meter = meters?.Create("PhoneBooking.Prompts");
        var rendered = meter?.CreateCounter<long>("phonebooking.prompts.rendered", description: "Prompts rendered, by source (voice or recording) and whether a fallback locale was used.");
        var catalog = new PromptCatalog(options, locales, audio, rendered);
        var loaded = string.Join(", ", catalog.Locales);
        LogLoaded(logger, locales.Count, loaded, catalog.Ids.Count, audio.Count);
        return catalog;
    }

    /// <summary>The entry a caller in <paramref name="locale"/> hears for <paramref name="promptId"/>, after fallback; null if no file has it.</summary>
    public PromptEntry? Find(string promptId, string locale)
    {
        foreach (var candidate in _chain.For(locale))
        {
            if (_locales[candidate].ById.TryGetValue(promptId, out var entry))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The prompts written in one locale's own file (no fallback).</summary>
    public IReadOnlyList<PromptEntry> EntriesOf(string locale) =>
        _locales.TryGetValue(locale, out var file) ? file.Prompts : [];

    /// <summary>
    /// The TwiML for one prompt: &lt;Play&gt; of its recording, or &lt;Say&gt; with SSML. Append it to a
    /// <c>VoiceResponse</c> or a <c>Gather</c>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No locale file has this id.</exception>
    /// <exception cref="ArgumentException">An argument is missing, extra, or of the wrong type for its placeholder.</exception>
    public TwiML Render(string promptId, string locale, IReadOnlyDictionary<string, SpeechValue>? arguments = null, SpeechRate rate = SpeechRate.Normal)
    {
        var speech = Compose(promptId, locale, arguments);
        var twiml = speech.ToTwiML(rate);
        _rendered?.Add(
            1,
            new KeyValuePair<string, object?>("locale", speech.Entry.Locale),
            new KeyValuePair<string, object?>("source", twiml is Play ? "recording" : "voice"),
            new KeyValuePair<string, object?>("fallback", !string.Equals(speech.Entry.Locale, locale, StringComparison.OrdinalIgnoreCase)));
        return twiml;
    }

    /// <summary>The written text of a prompt, for a text message (e.g. <c>booking.sms.body</c>).</summary>
    public string RenderText(string promptId, string locale, IReadOnlyDictionary<string, SpeechValue>? arguments = null) =>
        Compose(promptId, locale, arguments).ToText();

    /// <summary>A prompt with its values filled in, before it becomes TwiML, SSML or text.</summary>
    public PromptSpeech Compose(string promptId, string locale, IReadOnlyDictionary<string, SpeechValue>? arguments = null)
    {
        var entry = Find(promptId, locale) ?? throw new KeyNotFoundException($"No prompt '{promptId}' in any locale file ({string.Join(", ", Locales)}).");
        arguments ??= new Dictionary<string, SpeechValue>();
        CheckArguments(entry, arguments);

        var file = _locales[entry.Locale];
        var parts = new List<SpeechPart>();
        foreach (var segment in entry.Template.Segments)
        {
            if (segment.IsPlaceholder)
            {
                parts.AddRange(file.Formatter.Format(arguments[segment.Value]));
            }
            else
            {
                parts.Add(new TextPart(segment.Value, segment.Value));
            }
        }

        return new PromptSpeech(entry, _options.VoiceFor(entry.Locale)!, parts, _rates, _audio);
    }

    /// <summary>
    /// Every locale file has every one of <paramref name="ids"/> itself (no fallback): a prompt the line may
    /// say that a language lacks stops start-up, naming the file and the missing ids, instead of failing a caller.
    /// </summary>
    /// <exception cref="PromptFileException">A locale file lacks some of the ids.</exception>
    public void Require(IEnumerable<string> ids)
    {
        var needed = ids.Distinct(StringComparer.Ordinal).ToList();
        foreach (var locale in Locales)
        {
            var file = _locales[locale];
            var missing = needed.Where(id => !file.ById.ContainsKey(id)).ToList();
            if (missing.Count > 0)
            {
                throw new PromptFileException(file.Path, 1, missing[0], $"missing {missing.Count} prompt(s) the line says: {string.Join(", ", missing)}");
            }
        }
    }

    /// <summary>The file a locale was loaded from.</summary>
    public string FileOf(string locale) => _locales[locale].Path;

    /// <summary>The entry of <paramref name="promptId"/> in <paramref name="locale"/>'s own file (no fallback), if it has one.</summary>
    public PromptEntry? Own(string promptId, string locale) =>
        _locales.TryGetValue(locale, out var file) && file.ById.TryGetValue(promptId, out var entry) ? entry : null;

    /// <summary>Ids of the default locale the call flow never uses: dead wording to remove.</summary>
    public IReadOnlyList<string> UnusedIds(IEnumerable<string> usedIds)
    {
        var used = usedIds.ToHashSet(StringComparer.Ordinal);
        return [.. Ids.Where(id => !used.Contains(id))];
    }

    /// <summary>Ids the call flow uses that no locale file has: a prompt that would fail at run time.</summary>
    public IReadOnlyList<string> UnknownIds(IEnumerable<string> usedIds) =>
        [.. usedIds.Distinct(StringComparer.Ordinal).Where(id => Locales.All(locale => !_locales[locale].ById.ContainsKey(id)))];

    private static void CheckArguments(PromptEntry entry, IReadOnlyDictionary<string, SpeechValue> arguments)
    {
        foreach (var name in entry.Placeholders)
        {
            if (!arguments.TryGetValue(name, out var value))
            {
                throw new ArgumentException($"Prompt '{entry.Id}' needs {{{name}}} ({Placeholders.Known[name].ValueType.Name}).", nameof(arguments));
            }

            var expected = Placeholders.Known[name].ValueType;
            if (!expected.IsInstanceOfType(value))
            {
                throw new ArgumentException($"Prompt '{entry.Id}': {{{name}}} must be a {expected.Name}, not a {value?.GetType().Name ?? "null"}.", nameof(arguments));
            }
        }

        var extra = arguments.Keys.Except(entry.Placeholders, StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            throw new ArgumentException($"Prompt '{entry.Id}' ({entry.Locale}) has no placeholder {string.Join(", ", extra.Select(e => $"{{{e}}}"))}.", nameof(arguments));
        }
    }

    private static string LocaleOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true).Name;
        }
        catch (CultureNotFoundException)
        {
            throw new PromptFileException(path, 1, null, $"'{name}' is not a locale: name the file like fr-CA.yaml");
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Prompts loaded: {LocaleCount} locales ({Locales}), {PromptCount} prompt ids, {RecordingCount} recordings")]
    private static partial void LogLoaded(ILogger logger, int localeCount, string locales, int promptCount, int recordingCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Prompt recording ignored: {Problem}")]
    private static partial void LogAudioIgnored(ILogger logger, string problem);
}
