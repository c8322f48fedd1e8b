using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace PhoneBooking.Prompts.Tests.Rendering;

/// <summary>A recording in prompts/audio/{locale}/ replaces the voice for that prompt.</summary>
public sealed class AudioOverrideTests : IDisposable
{
    private readonly PromptFolder _folder = new();

    public AudioOverrideTests()
    {
        _folder.Write("en-CA", "welcome: Hello.\ngoodbye: Goodbye.\noffer.held: We hold it for {minutes}.");
        _folder.Write("fr-CA", "welcome: Bonjour.\ngoodbye: Au revoir.\noffer.held: Réservée pendant {minutes}.");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Render_RecordingExists_PlaysItFromTheAudioBaseUrl()
    {
        _folder.WriteRaw("audio/fr-CA/welcome.wav", "RIFF");

        var catalog = _folder.Load();

        var play = Assert.IsType<Play>(catalog.Render("welcome", "fr-CA"));
        Assert.Equal("/prompts/audio/fr-CA/welcome.wav", play.Url?.OriginalString);
        Assert.IsType<Say>(catalog.Render("welcome", "en-CA"));
        Assert.IsType<Say>(catalog.Render("goodbye", "fr-CA"));
    }

    [Fact]
    public void Render_AbsoluteAudioBaseUrl_PlaysAnAbsoluteUrl()
    {
        _folder.WriteRaw("audio/en-CA/goodbye.mp3", "ID3");

        var catalog = _folder.Load(options => options.AudioBaseUrl = "https://cdn.example.org/line/");

        var play = Assert.IsType<Play>(catalog.Render("goodbye", "en-CA"));
        Assert.Equal("https://cdn.example.org/line/en-CA/goodbye.mp3", play.Url?.AbsoluteUri);
    }

    [Fact]
    public void Render_SlowRateWithoutASlowRecording_SpeaksSlowlyInstead()
    {
        _folder.WriteRaw("audio/en-CA/welcome.wav", "RIFF");

        var catalog = _folder.Load();

        var say = Assert.IsType<Say>(catalog.Render("welcome", "en-CA", rate: SpeechRate.Slow));
        Assert.Contains("<prosody rate=\"80%\">Hello.</prosody>", say.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SlowRecording_PlaysItAtTheSlowRate()
    {
        _folder.WriteRaw("audio/en-CA/welcome.wav", "RIFF");
        _folder.WriteRaw("audio/en-CA/slow/welcome.wav", "RIFF");

        var catalog = _folder.Load();

        Assert.Equal("/prompts/audio/en-CA/slow/welcome.wav", Assert.IsType<Play>(catalog.Render("welcome", "en-CA", rate: SpeechRate.Slow)).Url?.OriginalString);
        Assert.Equal("/prompts/audio/en-CA/welcome.wav", Assert.IsType<Play>(catalog.Render("welcome", "en-CA")).Url?.OriginalString);
    }

    [Fact]
    public void Load_RecordingOfAPromptWithPlaceholders_IsIgnoredAndReported()
    {
        _folder.WriteRaw("audio/en-CA/offer.held.wav", "RIFF");
        _folder.WriteRaw("audio/en-CA/welcom.wav", "RIFF");
        _folder.WriteRaw("audio/en-CA/notes.txt", "not audio");

        var catalog = _folder.Load();

        Assert.IsType<Say>(catalog.Render("offer.held", "en-CA", new Dictionary<string, SpeechValue> { ["minutes"] = SpeechValue.Minutes(10) }));
        Assert.Equal(2, catalog.AudioProblems.Count);
        Assert.Contains(catalog.AudioProblems, p => p.Contains("offer.held.wav", StringComparison.Ordinal) && p.Contains("placeholders", StringComparison.Ordinal));
        Assert.Contains(catalog.AudioProblems, p => p.Contains("welcom.wav", StringComparison.Ordinal) && p.Contains("no prompt 'welcom'", StringComparison.Ordinal));
    }
}
