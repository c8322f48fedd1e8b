using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Checks;

namespace PhoneBooking.Prompts.Tests.Catalog;

/// <summary>The real prompts/ folder: complete in every locale, and within the wording rules.</summary>
public sealed class ShippedPromptsTests
{
    /// <summary>The ids the call flow was designed against (docs/prompts.md), with this catalog's additions.</summary>
    private static readonly string[] CallFlowIds =
    [
        "welcome", "welcome.incident", "help.keys", "language.choose", "menu.main",
        "input.no_input", "input.invalid", "input.too_many", "speech.slower", "goodbye",
        "book.birth_date.ask", "book.birth_date.help", "book.birth_date.confirm", "book.checking",
        "book.not_eligible", "book.not_eligible.no_date", "book.reminder.offer", "book.reminder.confirmed",
        "book.pref.intro", "book.pref.day.ask", "book.pref.date.ask", "book.pref.date.help", "book.pref.time.ask",
        "book.pref.added", "book.pref.added_earliest", "book.pref.max_reached", "book.pref.more",
        "book.phone.confirm", "book.phone.ask", "book.phone.help",
        "book.submitted", "book.wait.choice", "book.wait.hold", "book.wait.hold_long", "book.callback.confirmed",
        "offer.present", "offer.held", "offer.menu", "offer.accepted", "offer.declined", "offer.expired", "offer.no_more",
        "booking.code", "booking.menu", "booking.sms.sent", "booking.sms.unavailable", "booking.sms.body",
        "book.household.start", "book.household.same_prefs",
        "manage.code.ask", "manage.code.help", "manage.found", "manage.menu", "manage.cancel.confirm",
        "manage.cancelled", "manage.kept", "manage.not_found", "manage.already_cancelled",
        "group.code.ask", "group.pin.ask", "group.verified", "group.pin.invalid", "group.locked",
        "group.residents.ask", "group.staff.question", "group.staff.ask", "group.count.confirm",
        "group.date.ask", "group.date.more", "group.submitted", "group.done.menu",
        "resume.offer",
        "agent.transfer", "agent.queue.wait", "agent.queue.callback_offer", "agent.queue.callback_confirmed", "agent.unavailable",
        "agent.unavailable.callback_offer",
        "system.down", "system.down.menu", "system.down.callback_saved", "system.error.handoff", "fallback.apology",
        "callback.intro", "callback.offer_ready", "callback.agent_ready", "callback.eligible_now", "callback.machine", "callback.final_sms",
        "booking.sms.refused", "booking.sms.already_sent",
    ];

    private static readonly PromptCatalog Catalog = PromptCatalog.Load(new PromptOptions { Directory = PromptFolder.Shipped });

    public static TheoryData<string> ShippedLocales => [.. Catalog.Locales];

    [Fact]
    public void Load_ShippedFiles_HasEnglishAndFrenchWithEnglishAsReference()
    {
        Assert.Subset(Catalog.Locales.ToHashSet(), new HashSet<string> { "en-CA", "fr-CA" });
        Assert.Equal("en-CA", Catalog.DefaultLocale);
    }

    [Fact]
    public void Ids_ShippedFiles_AreExactlyTheCallFlowIds()
    {
        Assert.Empty(Catalog.UnknownIds(CallFlowIds));
        Assert.Empty(Catalog.UnusedIds(CallFlowIds));
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
