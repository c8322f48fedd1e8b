using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace PhoneBooking.Prompts.Tests.Catalog;

public sealed class PromptCatalogTests : IDisposable
{
    private readonly PromptFolder _folder = new();
    private readonly PromptCatalog _catalog;

    public PromptCatalogTests()
    {
        _folder.Write("en-CA", "welcome: Hello.\ngoodbye: Goodbye.\noffer.held: We hold it for {minutes}.\nbook.checking: One moment.");
        _folder.Write("fr", "welcome: Bonjour (fr).\ngoodbye: Au revoir (fr).");
        _folder.Write("fr-CA", "welcome: Bonjour (fr-CA).");
        _catalog = _folder.Load();
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("welcome", "fr-CA", "fr-CA")]
    [InlineData("goodbye", "fr-CA", "fr")]
    [InlineData("book.checking", "fr-CA", "en-CA")]
    [InlineData("welcome", "fr-FR", "fr")]
    [InlineData("book.checking", "fr-FR", "en-CA")]
    [InlineData("welcome", "es-MX", "en-CA")]
    [InlineData("welcome", "not a locale", "en-CA")]
    [InlineData("goodbye", "en-CA", "en-CA")]
    public void Find_MissingInRegionalLocale_FallsBackToParentThenDefault(string id, string locale, string expectedLocale)
    {
        var entry = _catalog.Find(id, locale);

        Assert.NotNull(entry);
        Assert.Equal(expectedLocale, entry.Locale);
    }

    [Fact]
    public void Find_OtherRegionOfTheSameLanguage_PreferredToTheDefault()
    {
        using var folder = new PromptFolder();
        folder.Write("en-CA", "welcome: Hello.");
        folder.Write("fr-CA", "welcome: Bonjour.");

        var catalog = folder.Load();

        Assert.Equal("fr-CA", catalog.Find("welcome", "fr-FR")?.Locale);
        Assert.Equal("fr-CA", catalog.Find("welcome", "fr")?.Locale);
    }

    [Fact]
    public void Render_PromptFromAFallbackLocale_SpeaksInThatLocalesVoiceAndFormat()
    {
        var say = Assert.IsType<Say>(_catalog.Render("offer.held", "fr-CA", new Dictionary<string, SpeechValue> { ["minutes"] = SpeechValue.Minutes(1) }));

        Assert.Equal("Polly.Joanna-Neural", say.Voice?.ToString());
        Assert.Equal("en-US", say.Language?.ToString());
        Assert.Contains("<Say voice=\"Polly.Joanna-Neural\" language=\"en-US\">We hold it for 1 minute.</Say>", say.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ParentLocaleFile_UsesTheParentsVoice()
    {
        var say = Assert.IsType<Say>(_catalog.Render("goodbye", "fr-CA"));

        Assert.Equal("Polly.Lea-Neural", say.Voice?.ToString());
        Assert.Equal("fr-FR", say.Language?.ToString());
    }

    [Fact]
    public void Render_UnknownId_ThrowsNamingIt()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => _catalog.Render("menu.mian", "en-CA"));

        Assert.Contains("menu.mian", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingArgument_ThrowsNamingThePlaceholderAndType()
    {
        var error = Assert.Throws<ArgumentException>(() => _catalog.Render("offer.held", "en-CA"));

        Assert.Contains("{minutes}", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SpokenMinutes), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ArgumentOfTheWrongType_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => _catalog.Render("offer.held", "en-CA", new Dictionary<string, SpeechValue> { ["minutes"] = SpeechValue.Count(10) }));

        Assert.Contains("must be a SpokenMinutes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ArgumentThePromptDoesNotUse_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => _catalog.Render("welcome", "en-CA", new Dictionary<string, SpeechValue> { ["date"] = SpeechValue.Date(new DateOnly(2027, 3, 23)) }));

        Assert.Contains("no placeholder {date}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnusedIds_FlowUsingSomeIds_ListsTheOthersInFileOrder()
    {
        string[] usedByFlow = ["welcome", "book.checking", "menu.main"];

        Assert.Equal(["goodbye", "offer.held"], _catalog.UnusedIds(usedByFlow));
        Assert.Equal(["menu.main"], _catalog.UnknownIds(usedByFlow));
    }

    [Fact]
    public void Locales_SeveralFiles_DefaultFirst()
    {
        Assert.Equal(["en-CA", "fr", "fr-CA"], _catalog.Locales);
        Assert.Equal(["welcome", "goodbye", "offer.held", "book.checking"], _catalog.Ids);
    }
}
