using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Prompts;

/// <summary>Refuses a configuration Twilio or the catalog would fail on later, quoting the bad value.</summary>
internal sealed partial class PromptOptionsValidator : IValidateOptions<PromptOptions>
{
    /// <summary>Polly voices' own languages (Twilio error 13511 when Say's language differs).</summary>
    private static readonly Dictionary<string, string> PollyLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Joanna"] = "en-US", ["Matthew"] = "en-US", ["Kendra"] = "en-US", ["Kimberly"] = "en-US", ["Salli"] = "en-US",
        ["Joey"] = "en-US", ["Justin"] = "en-US", ["Kevin"] = "en-US", ["Ivy"] = "en-US", ["Ruth"] = "en-US",
        ["Stephen"] = "en-US", ["Danielle"] = "en-US", ["Gregory"] = "en-US",
        ["Amy"] = "en-GB", ["Emma"] = "en-GB", ["Brian"] = "en-GB", ["Arthur"] = "en-GB",
        ["Gabrielle"] = "fr-CA", ["Liam"] = "fr-CA", ["Chantal"] = "fr-CA",
        ["Celine"] = "fr-FR", ["Lea"] = "fr-FR", ["Mathieu"] = "fr-FR", ["Remi"] = "fr-FR",
    };

    public ValidateOptionsResult Validate(string? name, PromptOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add("Prompts:Directory is required.");
        }
        else if (!Directory.Exists(options.ResolvedDirectory))
        {
            failures.Add($"Prompts:Directory '{options.Directory}' does not exist (looked in '{options.ResolvedDirectory}').");
        }

        if (!IsLocale(options.DefaultLocale))
        {
            failures.Add($"Prompts:DefaultLocale '{options.DefaultLocale}' is not a locale like en-CA.");
        }

        if (!IsAudioBase(options.AudioBaseUrl))
        {
            failures.Add($"Prompts:AudioBaseUrl '{options.AudioBaseUrl}' must be an absolute http(s) URL or a path starting with '/'.");
        }

        if (options.NormalRatePercent is < 70 or > 100)
        {
            failures.Add($"Prompts:NormalRatePercent {options.NormalRatePercent} must be between 70 and 100.");
        }

        if (options.SlowRatePercent < 50 || options.SlowRatePercent >= options.NormalRatePercent)
        {
            failures.Add($"Prompts:SlowRatePercent {options.SlowRatePercent} must be at least 50 and below NormalRatePercent ({options.NormalRatePercent}).");
        }

        if (options.Voices.Count == 0)
        {
            failures.Add("Prompts:Voices needs a voice for each locale, e.g. Prompts:Voices:fr-CA:Name = Polly.Gabrielle-Neural.");
        }

        foreach (var (locale, voice) in options.Voices)
        {
            failures.AddRange(ValidateVoice(locale, voice));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> ValidateVoice(string locale, PromptVoice voice)
    {
        var key = $"Prompts:Voices:{locale}";
        if (!IsLocale(locale))
        {
            yield return $"{key}: '{locale}' is not a locale like fr-CA.";
        }

        if (!IsLocale(voice.Language))
        {
            yield return $"{key}:Language '{voice.Language}' is not a language like fr-CA.";
        }

        var match = VoicePattern().Match(voice.Name ?? string.Empty);
        if (!match.Success)
        {
            yield return $"{key}:Name '{voice.Name}' is not a Twilio voice (Polly.<Name>[-Neural|-Generative], Google.<xx-YY>-<Model>-<X>, man, woman).";
            yield break;
        }

        var own = match.Groups["google"].Success
            ? match.Groups["google"].Value
            : PollyLanguages.GetValueOrDefault(match.Groups["polly"].Value);
        if (own is not null && !string.Equals(own, voice.Language, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{key}: voice '{voice.Name}' speaks {own}, but Language is '{voice.Language}'; Twilio rejects that pair.";
        }
    }

    private static bool IsLocale(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            return CultureInfo.GetCultureInfo(value, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool IsAudioBase(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && (value.StartsWith('/') || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"));

    [GeneratedRegex(@"^(man|woman|Polly\.(?<polly>[A-Z][a-z]+)(-Neural|-Generative)?|Google\.(?<google>[a-z]{2,3}-[A-Z]{2})-[A-Za-z0-9]+(-[A-Za-z0-9]+)*)$")]
    private static partial Regex VoicePattern();
}
