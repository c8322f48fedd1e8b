using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Checks;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// At start, before the first call: every locale has every prompt the line may say, and every menu
/// offers exactly the keys its state takes (a menu that says "press 3" where the flow has no 3, or
/// the reverse, stops start-up with the file, line and state); and no line said just before the call
/// hangs up or goes to a person offers a key ("press 0" while the caller is already being queued).
/// The prompt files themselves already refuse a menu whose <c>menu:</c> keys disagree with its words.
/// </summary>
public sealed class FlowPromptsCheck(CallFlowMachine machine, PromptCatalog prompts) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        prompts.Require(Lines.AllIds.Concat(machine.Flow.Prompts.SelectMany(p => p.Ids)));
        if (MenuProblems(machine.Flow, prompts).Concat(EndingProblems(machine, prompts)).FirstOrDefault() is { } problem)
        {
            throw problem;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Menus whose offered keys (their prompts' <c>menu:</c>, without the shared 0 and *) differ from the keys their state takes.</summary>
    public static IEnumerable<PromptFileException> MenuProblems(CallFlow.CallFlow flow, PromptCatalog prompts)
    {
        foreach (var ask in flow.States.Values.OfType<AskState>().Where(a => a.Input != InputKind.Entry))
        {
            var taken = ask.Keys.Select(k => k.Key).Order(StringComparer.Ordinal).ToList();
            var byLocale = prompts.Locales.ToDictionary(locale => locale, locale => MenuEntries(ask, prompts, locale));
            if (ask.EveryLanguage)
            {
                // Each language offers its own key; together they are the menu.
                var all = byLocale.Values.SelectMany(e => e).ToList();
                if (!Offered(all).SequenceEqual(taken))
                {
                    yield return Problem(ask, taken, Offered(all), all, prompts, prompts.DefaultLocale);
                }

                continue;
            }

            foreach (var (locale, entries) in byLocale)
            {
                if (!Offered(entries).SequenceEqual(taken))
                {
                    yield return Problem(ask, taken, Offered(entries), entries, prompts, locale);
                }
            }
        }
    }

    /// <summary>Lines said where nothing listens after them (a hang-up, the way to a person) that still offer a key.</summary>
    public static IEnumerable<PromptFileException> EndingProblems(CallFlowMachine machine, PromptCatalog prompts)
    {
        foreach (var id in machine.PromptsBeforeAnEnd.SelectMany(p => p.Ids).Distinct(StringComparer.Ordinal))
        {
            foreach (var entry in prompts.Locales.Select(locale => prompts.Own(id, locale)).OfType<PromptEntry>())
            {
                var offered = entry.MenuKeys.Union(MenuRule.OfferedKeys(entry.Text), StringComparer.Ordinal).ToList();
                if (offered.Count > 0)
                {
                    yield return new PromptFileException(
                        prompts.FileOf(entry.Locale), entry.Line, id,
                        $"said just before the call hangs up or goes to a person, where no key can be pressed, yet it offers [{string.Join(' ', offered)}]");
                }
            }
        }
    }

    private static List<PromptEntry> MenuEntries(AskState ask, PromptCatalog prompts, string locale) =>
        [.. ask.Prompts.Append(ask.Help).OfType<Prompt>().SelectMany(p => p.Ids).Select(id => prompts.Own(id, locale)).OfType<PromptEntry>()];

    private static List<string> Offered(IEnumerable<PromptEntry> entries) =>
        [.. entries.SelectMany(e => e.MenuKeys).Where(k => k is not (CallFlowMachine.AgentKey or CallFlowMachine.RepeatKey or CallFlowMachine.PoundKey)).Distinct().Order(StringComparer.Ordinal)];

    private static PromptFileException Problem(AskState ask, List<string> taken, List<string> offered, List<PromptEntry> entries, PromptCatalog prompts, string locale)
    {
        var where = entries.LastOrDefault(e => e.MenuKeys.Count > 0) ?? entries.FirstOrDefault();
        return new PromptFileException(
            prompts.FileOf(where?.Locale ?? locale), where?.Line ?? 1, where?.Id,
            $"state {ask.State} takes keys [{string.Join(' ', taken)}] but its prompts offer [{string.Join(' ', offered)}]");
    }
}
