using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Prompts;
using PhoneBooking.Prompts.Catalog;
using static PhoneBooking.IvrHost.Tests.CallFlow.CallFlowTestData;

namespace PhoneBooking.IvrHost.Tests.Voice;

/// <summary>The prompt files and the call flow agree: every id the line says, in every language; every menu offers the keys its state takes.</summary>
public sealed class FlowPromptsTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "prompts");
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ShippedFiles_HoldExactlyThePromptsTheLineSays()
    {
        var catalog = PromptCatalog.Load(new PromptOptions { Directory = Shipped });
        var said = Lines.AllIds.Concat(Machine.Flow.Prompts.SelectMany(p => p.Ids)).ToList();

        catalog.Require(said);
        Assert.Empty(catalog.UnusedIds(said));
        Assert.Empty(FlowPromptsCheck.MenuProblems(Machine.Flow, catalog));
        Assert.Empty(FlowPromptsCheck.EndingProblems(Machine, catalog));
    }

    [Fact]
    public void Start_ALocaleLacksAPromptTheLineSays_StopsNamingTheFileAndTheId()
    {
        var fr = Copy("fr-CA.yaml", text => Without(text, "  menu.main:", lines: 3));

        var error = Assert.Throws<PromptFileException>(() => Start());

        Assert.Equal(fr, error.File);
        Assert.Equal("menu.main", error.PromptId);
        Assert.Contains("missing 1 prompt(s) the line says: menu.main", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_AMenuOffersAKeyItsStateDoesNotTake_StopsNamingFileLineAndState()
    {
        var en = Copy("en-CA.yaml", text => text.Replace(
            "To talk to a person, press 0.\n    menu: 1 2 3 0",
            "For the news, press 4. To talk to a person, press 0.\n    menu: 1 2 3 4 0",
            StringComparison.Ordinal));

        var error = Assert.Throws<PromptFileException>(() => Start());

        Assert.Equal(en, error.File);
        Assert.Equal("menu.main", error.PromptId);
        Assert.Equal(File.ReadAllLines(en).ToList().FindIndex(l => l.Contains("  menu.main:", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Contains("state MainMenu takes keys [1 2 3] but its prompts offer [1 2 3 4]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ALineSaidAsTheCallGoesToAPersonOffersAKey_StopsNamingFileLineAndId()
    {
        // Issue 15: the lockout said "press 0" while the caller was already being queued.
        var en = Copy("en-CA.yaml", text => text.Replace(
            "  group.locked: For your security, access is locked for now. A person will help you.",
            "  group.locked:\n    text: For your security, access is locked for now. Please call back later, or press 0 for a person.\n    menu: \"0\"",
            StringComparison.Ordinal));

        var error = Assert.Throws<PromptFileException>(() => Start());

        Assert.Equal((en, "group.locked"), (error.File, error.PromptId));
        Assert.Equal(File.ReadAllLines(en).ToList().FindIndex(l => l.Contains("  group.locked:", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Contains("said just before the call hangs up or goes to a person, where no key can be pressed, yet it offers [0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_AGoodbyeOffersAKeyWithoutAMenu_StopsNamingTheId()
    {
        var fr = Copy("fr-CA.yaml", text => text.Replace(
            "  goodbye: Merci de votre appel. Au revoir.",
            "  goodbye: Merci de votre appel. Pour nous rappeler, faites le 1.",
            StringComparison.Ordinal));

        var error = Assert.Throws<PromptFileException>(() => Start());

        Assert.Equal((fr, "goodbye"), (error.File, error.PromptId));
        Assert.Contains("yet it offers [1]", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The line started on a copy of the shipped prompts, after <see cref="Copy"/> changed one file.</summary>
    private void Start()
    {
        foreach (var file in Directory.EnumerateFiles(Shipped, "*.yaml").Where(f => !File.Exists(Path.Combine(_folder.Path, Path.GetFileName(f)))))
        {
            File.Copy(file, Path.Combine(_folder.Path, Path.GetFileName(file)));
        }

        using var line = new IvrHostFactory(new Dictionary<string, string?> { ["Prompts:Directory"] = _folder.Path });
        try
        {
            _ = line.Server;
        }
        catch (AggregateException error) when (error.InnerException is PromptFileException prompt)
        {
            throw prompt;
        }
    }

    private string Copy(string name, Func<string, string> change)
    {
        var target = Path.Combine(_folder.Path, name);
        var text = File.ReadAllText(Path.Combine(Shipped, name)).ReplaceLineEndings("\n");
        var changed = change(text);
        Assert.NotEqual(text, changed);
        File.WriteAllText(target, changed);
        return target;
    }

    private static string Without(string text, string startingLine, int lines)
    {
        var all = text.Split('\n').ToList();
        var at = all.FindIndex(l => l.StartsWith(startingLine, StringComparison.Ordinal));
        all.RemoveRange(at, lines);
        return string.Join('\n', all);
    }
}
