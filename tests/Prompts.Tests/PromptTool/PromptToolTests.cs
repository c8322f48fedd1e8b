using System.CommandLine;
using System.Globalization;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.PromptTool;

namespace PhoneBooking.Prompts.Tests.PromptTool;

/// <summary>The two review commands, run as a translator would run them.</summary>
public sealed class PromptToolTests : IDisposable
{
    private readonly PromptFolder _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _folder.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public void List_ShippedPrompts_EveryIdPerLocaleWithWordsSecondsAndTotals()
    {
        var exit = Run("list");

        Assert.Equal(0, exit);
        var text = _output.ToString();
        var catalog = PromptToolCommand.Load(null);
        foreach (var locale in catalog.Locales)
        {
            var speeches = catalog.Ids.Select(id => catalog.Compose(id, locale, Placeholders.SamplesFor(catalog.Find(id, locale)!.Placeholders))).ToList();
            var menu = speeches.Single(s => s.Entry.Id == "menu.main");
            Assert.Matches($@"\n  menu\.main\s+{menu.WordCount}\s+{menu.EstimatedDuration().TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}  menu 1 2 3 0\n", text);
            Assert.Contains($"total: {catalog.Ids.Count} prompts", text, StringComparison.Ordinal);
            Assert.Matches($@"total: \d+ prompts\s+{speeches.Sum(s => s.WordCount)}\s", text);
        }

        Assert.Contains("en-CA (default)", text, StringComparison.Ordinal);
        Assert.EndsWith("Checks: no problems." + Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void List_NewTranslationWithoutVoiceOrEveryId_ListedWithWhatFallsBack()
    {
        _folder.Write("en-CA", "welcome: Hello.\ngoodbye: Goodbye.");
        _folder.Write("es-MX", "welcome: Hola.");

        var exit = Run("list", "--prompts", _folder.Path, "--locale", "es-MX");

        Assert.Equal(0, exit);
        var text = _output.ToString();
        Assert.DoesNotContain("en-CA (default)", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  goodbye\s+1\s+0\.4  missing: the line will not start \(it would say en-CA\)\n", text);
        Assert.Contains("es-MX/goodbye: missing (the line refuses to start; it would fall back to the en-CA text)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderAudio_EspeakMissing_ExitsWithInstallInstructions()
    {
        var output = Path.Combine(_folder.Path, "out");

        var exit = Run("render-audio", "--out", output, "--espeak", Path.Combine(_folder.Path, "no-espeak-here"));

        Assert.Equal(AudioRenderer.EspeakMissing, exit);
        Assert.Contains("apt-get install espeak-ng", _error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    /// <summary>Needs espeak-ng (installed by .ci/run).</summary>
    [Fact]
    public void RenderAudio_WithEspeak_OneWavPerPromptAndAnIndex()
    {
        _folder.Write("en-CA", "welcome: Hello.\nbooking.code: Your code is {code}.");
        _folder.Write("fr-CA", "welcome: Bonjour.");
        var output = Path.Combine(_folder.Path, "out");

        var exit = Run("render-audio", "--prompts", _folder.Path, "--out", output, "--slow");

        Assert.True(exit == 0, _error.ToString());
        foreach (var file in new[] { "en-CA/welcome.wav", "en-CA/booking.code.wav", "fr-CA/welcome.wav", "fr-CA/booking.code.wav" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(output, file));
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.True(bytes.Length > 8_000, $"{file} is {bytes.Length} bytes: too short to hold speech");
        }

        Assert.Contains("booking.code.wav\tYour code is 4 8 2 1 3 9 0 7.", File.ReadAllText(Path.Combine(output, "en-CA", "index.txt")), StringComparison.Ordinal);
        Assert.Contains("Rendered 4 prompts at slow speed.", _output.ToString(), StringComparison.Ordinal);
    }

    private int Run(params string[] arguments) =>
        PromptToolCommand.Create().Parse(arguments).Invoke(new InvocationConfiguration { Output = _output, Error = _error });
}
