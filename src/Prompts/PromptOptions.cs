namespace PhoneBooking.Prompts;

/// <summary>Configuration section <c>Prompts</c>; checked at start by <see cref="PromptOptionsValidator"/>.</summary>
public sealed class PromptOptions
{
    public const string SectionName = "Prompts";

    /// <summary>Folder of locale files (<c>en-CA.yaml</c>…) and <c>audio/</c>; relative to the app's folder, where the build copies <c>prompts/</c>.</summary>
    public string Directory { get; set; } = "prompts";

    /// <summary>The locale every other one falls back to, and the reference for "every locale has every id".</summary>
    public string DefaultLocale { get; set; } = "en-CA";

    /// <summary>Where Twilio fetches recordings: <c>{AudioBaseUrl}/{locale}/{id}.wav</c>. Absolute, or a path on this host.</summary>
    public string AudioBaseUrl { get; set; } = "/prompts/audio";

    /// <summary>SSML prosody rate for normal speech; 100 writes no prosody at all.</summary>
    public int NormalRatePercent { get; set; } = 100;

    /// <summary>SSML prosody rate once a caller asks for slower speech (key 9).</summary>
    public int SlowRatePercent { get; set; } = 80;

    /// <summary>
    /// Twilio voice per locale (a locale without an entry uses its parent's: fr-FR → fr).
    /// Twilio has no Canadian English neural voice: en-CA speaks with a US neural voice, and
    /// <see cref="PromptVoice.Language"/> must be the voice's own language or Twilio rejects the Say.
    /// </summary>
    public Dictionary<string, PromptVoice> Voices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en-CA"] = new() { Name = "Polly.Joanna-Neural", Language = "en-US" },
        ["fr-CA"] = new() { Name = "Polly.Gabrielle-Neural", Language = "fr-CA" },
    };

    internal string ResolvedDirectory => Path.GetFullPath(Directory, AppContext.BaseDirectory);

    internal PromptVoice? VoiceFor(string locale)
    {
        for (var culture = System.Globalization.CultureInfo.GetCultureInfo(locale); culture.Name.Length > 0; culture = culture.Parent)
        {
            if (Voices.TryGetValue(culture.Name, out var voice))
            {
                return voice;
            }
        }

        return null;
    }
}

/// <summary>A Twilio &lt;Say&gt; voice: <c>voice</c> and <c>language</c> attributes.</summary>
public sealed class PromptVoice
{
    /// <summary>e.g. <c>Polly.Gabrielle-Neural</c>, <c>Google.fr-CA-Neural2-A</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The voice's language, e.g. <c>fr-CA</c>.</summary>
    public string Language { get; set; } = string.Empty;
}
