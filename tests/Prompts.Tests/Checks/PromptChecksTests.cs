using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Checks;

namespace PhoneBooking.Prompts.Tests.Checks;

/// <summary>The wording rules catch what they are meant to catch.</summary>
public sealed class PromptChecksTests : IDisposable
{
    private readonly PromptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Check_PromptOverThirtyWords_ReportedUnlessMarkedLong()
    {
        var thirtyOne = string.Join(' ', Enumerable.Repeat("word", 31));
        _folder.Write("en-CA", $"welcome: {thirtyOne}.\nbooking.sms.body:\n  text: {thirtyOne}.\n  long: true\ngoodbye: {string.Join(' ', Enumerable.Repeat("word", 30))}.");

        var issues = PromptChecks.Check(_folder.Load());

        var issue = Assert.Single(issues);
        Assert.Equal(("en-CA", "welcome"), (issue.Locale, issue.PromptId));
        Assert.StartsWith("31 words", issue.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WordsAsHeard_CountEachDigitOfACode()
    {
        _folder.Write("en-CA", $"booking.code: {string.Join(' ', Enumerable.Repeat("word", 23))} {{code}}.");

        var issue = Assert.Single(PromptChecks.Check(_folder.Load()));

        Assert.StartsWith("31 words", issue.Problem, StringComparison.Ordinal); // 23 words + the 8-digit sample code
    }

    // A menu whose keys and words disagree is not a wording hint: the file is refused at load, naming where.
    [Fact]
    public void Load_MenuWithFiveNumberedChoices_Refused()
    {
        _folder.Write("en-CA", "menu.main:\n  text: A, press 1. B, press 2. C, press 3. D, press 4. E, press 5. Person, press 0.\n  menu: 1 2 3 4 5 0");

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        Assert.Equal("menu.main", error.PromptId);
        Assert.Contains("5 numbered choices", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MenuWithFourChoicesStarAndZero_IsFine()
    {
        _folder.Write("en-CA", "offer.menu:\n  text: A, press 1. B, press 2. C, press 3. D, press 4. Again, press star. Person, press 0.\n  menu: 1 2 3 4 * 0");

        Assert.Empty(PromptChecks.Check(_folder.Load()));
    }

    [Theory]
    [InlineData("To accept, press 1. To hear it again, press pound.", "1 2 *", "menu lists key 2 but the text never says 2")]
    [InlineData("To accept, press 1. To refuse, press 2. To hear it again, press pound.", "1 2 *", "menu lists key * but the text never says 'star'")]
    [InlineData("Your code has 8 digits. To cancel, press 1. To go back, press 2.", "1", "the text offers key 2, which its 'menu:' does not list")]
    public void Load_MenuKeysThatDisagreeWithTheText_RefusedNamingFileLineAndId(string text, string keys, string problem)
    {
        var file = _folder.Write("en-CA", $"welcome: Hello.\noffer.menu:\n  text: {text}\n  menu: {keys}");

        var error = Assert.Throws<PromptFileException>(() => _folder.Load());

        Assert.Equal(file, error.File);
        Assert.Equal(File.ReadAllLines(file).ToList().FindIndex(l => l.Contains("offer.menu:", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Equal("offer.menu", error.PromptId);
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void Check_LocaleMissingAnIdOrWithOtherPlaceholders_Reported()
    {
        _folder.Write("en-CA", "welcome: Hello.\noffer.held: Held for {minutes}.\ngoodbye: Bye.");
        _folder.Write("fr-CA", "welcome: Bonjour.\noffer.held: Réservée le {date}.\nextra: En trop.");

        var issues = PromptChecks.Check(_folder.Load()).Select(i => i.ToString()).ToList();

        Assert.Equal(3, issues.Count);
        Assert.Contains("fr-CA/goodbye: missing (the line refuses to start; it would fall back to the en-CA text)", issues);
        Assert.Contains("fr-CA/offer.held: placeholders [date] differ from en-CA's [minutes]", issues);
        Assert.Contains("fr-CA/extra: not in en-CA", issues);
    }
}
