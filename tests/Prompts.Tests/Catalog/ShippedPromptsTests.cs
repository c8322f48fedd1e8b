using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Checks;

namespace PhoneBooking.Prompts.Tests.Catalog;

/// <summary>The real prompts/ folder: complete in every locale, and within the wording rules (that the call flow says exactly these ids: IvrHost's FlowPromptsTests).</summary>
public sealed class ShippedPromptsTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.Load(new PromptOptions { Directory = PromptFolder.Shipped });

    public static TheoryData<string> ShippedLocales => [.. Catalog.Locales];

    [Fact]
    public void Load_ShippedFiles_HasEnglishAndFrenchWithEnglishAsReference()
    {
        Assert.Subset(Catalog.Locales.ToHashSet(), new HashSet<string> { "en-CA", "fr-CA" });
        Assert.Equal("en-CA", Catalog.DefaultLocale);
    }

    [Theory]
    [MemberData(nameof(ShippedLocales))]
    public void EveryLocale_ShippedFiles_HasEveryIdWithTheSamePlaceholders(string locale)
    {
        var reference = Catalog.EntriesOf(Catalog.DefaultLocale).ToDictionary(e => e.Id, e => e.Placeholders.Order().ToList());
        var own = Catalog.EntriesOf(locale).ToDictionary(e => e.Id, e => e.Placeholders.Order().ToList());

        Assert.Equal(reference.Keys.Order(), own.Keys.Order());
        Assert.All(reference, pair => Assert.Equal(pair.Value, own[pair.Key]));
    }

    [Fact]
    public void Checks_ShippedFiles_FindNothing()
    {
        var issues = PromptChecks.Check(Catalog);

        Assert.True(issues.Count == 0, string.Join(Environment.NewLine, issues));
    }

    [Fact]
    public void LongPrompts_ShippedFiles_AreOnlyTextMessages()
    {
        var longIds = Catalog.Locales.SelectMany(Catalog.EntriesOf).Where(e => e.IsLong).Select(e => e.Id).Distinct().Order();

        Assert.Equal(["booking.sms.body", "callback.final_sms"], longIds);
    }

    [Fact]
    public void Docs_EveryId_ListedInThePromptsGuideWithItsPlaceholders()
    {
        var guide = File.ReadAllText(RepositoryFile("docs/prompts.md"));

        Assert.All(Catalog.EntriesOf(Catalog.DefaultLocale), entry =>
            Assert.Contains($"| `{entry.Id}` | {string.Join(' ', entry.Placeholders.Select(p => $"`{{{p}}}`"))} |", guide, StringComparison.Ordinal));
    }

    private static string RepositoryFile(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}.");
    }
}
