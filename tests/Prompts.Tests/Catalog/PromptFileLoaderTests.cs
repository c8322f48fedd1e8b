using PhoneBooking.Prompts.Catalog;

namespace PhoneBooking.Prompts.Tests.Catalog;

/// <summary>A broken file stops loading with an exception that says which file, which line and which prompt.</summary>
public sealed class PromptFileLoaderTests : IDisposable
{
    private readonly PromptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_UnknownPlaceholder_NamesFileLineAndId()
    {
        var file = _folder.Write("en-CA", "welcome: Hello.\noffer.present: See you on {dat}.");

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        AssertWhere(error, "en-CA.yaml", LineOf(file, "offer.present:"), "offer.present");
        Assert.Contains("unknown placeholder {dat}", error.Message, StringComparison.Ordinal);
        Assert.Contains("{date}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateId_NamesTheSecondOne()
    {
        var file = _folder.Write("en-CA", "welcome: Hello.\ngoodbye: Bye.\nwelcome: Hello again.");

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        AssertWhere(error, "en-CA.yaml", LineOf(file, "welcome: Hello again."), "welcome");
        Assert.Contains("Duplicate key", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_MissingText_NamesTheId()
    {
        var file = _folder.Write("en-CA", "welcome: Hello.\nmenu.main:\n  menu: 1 2");

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        AssertWhere(error, "en-CA.yaml", LineOf(file, "menu.main:"), "menu.main");
        Assert.Contains("missing 'text:'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspeltField_IsRefusedNotIgnored()
    {
        var file = _folder.Write("en-CA", "welcome:\n  text: Hello.\n  lnog: true");

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        AssertWhere(error, "en-CA.yaml", LineOf(file, "lnog:"), "welcome");
        Assert.Contains("unknown key 'lnog'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadYaml_NamesFileAndLine()
    {
        var file = _folder.Write("en-CA", "welcome: Hello.\ngoodbye: [Thank you");

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        Assert.EndsWith("en-CA.yaml", error.File, StringComparison.Ordinal);
        Assert.InRange(error.Line, LineOf(file, "goodbye:"), LineOf(file, "goodbye:") + 1);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnquotedColonInText_SaysToQuote()
    {
        var file = _folder.Write("en-CA", "welcome: Hello.\nwelcome.incident: Notice: {message}");

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        Assert.Equal(LineOf(file, "welcome.incident:"), error.Line);
        Assert.Contains("double quotes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("welcome: Hello {Name}.", "stray brace")]
    [InlineData("welcome: Hello {date.", "stray brace")]
    [InlineData("welcome:\n  text: Hello.\n  menu: 1 A", "menu must list distinct keys")]
    [InlineData("welcome:\n  text: Hello.\n  menu: 1 1", "menu must list distinct keys")]
    [InlineData("welcome:\n  text: Hello.\n  long: maybe", "expected true or false")]
    [InlineData("Welcome: Hello.", "a prompt id is lower-case")]
    [InlineData("welcome: \"  \"", "the text is empty")]
    public void Load_BadPrompt_NamesTheProblem(string prompts, string problem)
    {
        var file = _folder.Write("en-CA", prompts);

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        Assert.EndsWith("en-CA.yaml", error.File, StringComparison.Ordinal);
        var firstLine = LineOf(file, prompts.Split('\n')[0]);
        Assert.InRange(error.Line, firstLine, firstLine + 2);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clock: [12")]
    [InlineData("clock: {12")]
    [InlineData("clock: \"12")]
    [InlineData("clock: 12]")]
    public void Load_BrokenSpeechValue_NamesFileAndLine(string broken)
    {
        var file = _folder.Write("en-CA", "welcome: Hello.", speech: PromptFolder.EnglishSpeech.Replace("clock: 12", broken, StringComparison.Ordinal));

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        Assert.EndsWith("en-CA.yaml", error.File, StringComparison.Ordinal);
        Assert.InRange(error.Line, LineOf(file, broken), LineOf(file, "prompts:"));
        Assert.Contains($"en-CA.yaml, line {error.Line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SpeechSectionWithoutNoon_NamesTheMissingKey()
    {
        _folder.Write("en-CA", "welcome: Hello.", speech: PromptFolder.EnglishSpeech.Replace("  noon: noon\n", string.Empty, StringComparison.Ordinal));

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        Assert.Contains("missing 'noon:'", error.Message, StringComparison.Ordinal);
        Assert.Null(error.PromptId);
    }

    [Fact]
    public void Load_SpeechPatternWithUnknownPlaceholder_NamesIt()
    {
        _folder.Write("en-CA", "welcome: Hello.", speech: PromptFolder.EnglishSpeech.Replace("{month} {day}, {year}\"", "{month} {dia}, {year}\"", StringComparison.Ordinal));

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        Assert.Contains("speech.", error.Message, StringComparison.Ordinal);
        Assert.Contains("{dia}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileNameIsNotALocale_SaysHowToNameIt()
    {
        _folder.Write("en-CA", "welcome: Hello.");
        _folder.WriteRaw("english.yaml", "prompts: {}");

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        Assert.EndsWith("english.yaml", error.File, StringComparison.Ordinal);
        Assert.Contains("fr-CA.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoFileForTheDefaultLocale_Fails()
    {
        _folder.Write("fr-CA", "welcome: Bonjour.");

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        Assert.Contains("default locale en-CA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LocaleWithoutVoice_SaysWhichSettingToAdd()
    {
        _folder.Write("en-CA", "welcome: Hello.");
        _folder.Write("es-MX", "welcome: Hola.");

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        Assert.EndsWith("es-MX.yaml", error.File, StringComparison.Ordinal);
        Assert.Contains("Prompts:Voices:es-MX", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line of the file that contains <paramref name="text"/>.</summary>
    private static int LineOf(string file, string text) =>
        File.ReadAllLines(file).Select((line, index) => (line, index)).First(l => l.line.Contains(text, StringComparison.Ordinal)).index + 1;

    private static void AssertWhere(PromptFileException error, string file, int line, string id)
    {
        Assert.EndsWith(file, error.File, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.Equal(id, error.PromptId);
        Assert.Contains($"{file}, line {line}, prompt '{id}'", error.Message, StringComparison.Ordinal);
    }
}
