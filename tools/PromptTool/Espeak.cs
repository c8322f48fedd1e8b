using System.ComponentModel;
using System.Diagnostics;

namespace PhoneBooking.PromptTool;

/// <summary>The espeak-ng program (Debian package <c>espeak-ng</c>): SSML in, WAV out.</summary>
internal sealed class Espeak(string program)
{
    /// <summary>Preferred espeak-ng voices when the exact locale has none (Canadian English sounds closer to US).</summary>
    private static readonly Dictionary<string, string> PreferredVoices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-us",
        ["fr"] = "fr-fr",
    };

    private HashSet<string>? _voices;

    /// <summary>Lists espeak-ng's voices; fails with install instructions when the program is missing.</summary>
    /// <exception cref="EspeakMissingException">espeak-ng cannot be started.</exception>
    public IReadOnlySet<string> Voices()
    {
        if (_voices is null)
        {
            var listing = Run(["--voices"], input: null);
            _voices = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1)
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(columns => columns.Length > 1)
                .Select(columns => columns[1])
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        return _voices;
    }

    /// <summary>The espeak-ng voice closest to a locale: exact (fr-ca), preferred for the language (en-us), the language (fr).</summary>
    public string VoiceFor(string locale)
    {
        var voices = Voices();
        var language = locale.Split('-')[0];
        if (voices.Contains(locale))
        {
            return locale.ToLowerInvariant();
        }

        if (PreferredVoices.TryGetValue(language, out var preferred) && voices.Contains(preferred))
        {
            return preferred;
        }

        return voices.Contains(language) ? language : throw new InvalidOperationException($"espeak-ng has no voice for {locale}.");
    }

    /// <summary>Speaks SSML into a WAV file, at 150 words a minute (the rate the listing estimates with).</summary>
    public void RenderSsml(string ssml, string voice, string wavFile) =>
        Run(["-m", "-s", "150", "-v", voice, "-w", wavFile, "--stdin"], ssml);

    private string Run(IEnumerable<string> arguments, string? input)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new EspeakMissingException(program);
        }
        catch (Win32Exception error)
        {
            throw new EspeakMissingException(program, error);
        }

        using (process)
        {
            process.StandardInput.Write(input ?? string.Empty);
            process.StandardInput.Close();
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? output
                : throw new InvalidOperationException($"{program} failed (exit {process.ExitCode}): {errors.Result.Trim()}");
        }
    }
}

/// <summary>espeak-ng is not installed (or not where --espeak says).</summary>
internal sealed class EspeakMissingException(string program, Exception? inner = null)
    : Exception($"'{program}' was not found. Install it (Debian/Ubuntu: sudo apt-get install espeak-ng) or pass --espeak <path>.", inner);
