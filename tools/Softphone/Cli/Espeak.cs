using System.Diagnostics;

namespace PhoneBooking.Softphone.Cli;

/// <summary>Speaks prompts aloud through espeak-ng, when it is installed (apt-get install espeak-ng).</summary>
internal sealed class Espeak(string executable)
{
    public static Espeak? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "espeak-ng"))
            .Where(File.Exists)
            .Select(file => new Espeak(file))
            .FirstOrDefault();
    }

    public async Task SpeakAsync(string text, string? language, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(Voice(language));
        start.ArgumentList.Add("-s");
        start.ArgumentList.Add("150");
        start.ArgumentList.Add("--");
        start.ArgumentList.Add(text);
        using var process = Process.Start(start);
        if (process is null)
        {
            return;
        }

        try
        {
            // Drained, not shown: without a sound device espeak-ng complains on every prompt.
            await Task.WhenAll(process.StandardError.ReadToEndAsync(cancellationToken), process.WaitForExitAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
    }

    /// <summary>Twilio's BCP-47 language to an espeak-ng voice: en-GB keeps its accent, other English is en-us, fr-* is fr.</summary>
    internal static string Voice(string? language) => language?.ToLowerInvariant() switch
    {
        null or "" => "en-us",
        "en-gb" => "en-gb",
        var l when l.StartsWith("en", StringComparison.Ordinal) => "en-us",
        var l when l.StartsWith("fr", StringComparison.Ordinal) => "fr",
        var l => l.Split('-')[0],
    };
}
