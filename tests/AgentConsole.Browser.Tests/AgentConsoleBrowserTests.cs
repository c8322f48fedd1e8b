using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Storage;
using PhoneBooking.Testing.Line;
using static Microsoft.Playwright.Assertions;

namespace PhoneBooking.AgentConsole.Browser.Tests;

/// <summary>
/// The console as agents use it, in chromium, against the line on a real port, signed in with the
/// development accounts the README quick start documents.
/// </summary>
public sealed class AgentConsoleBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string EligibleBirthDate = "19450312";

    /// <summary>Not the form's own example (1234 567 890 AB): a page echoing it back must not pass for the hint.</summary>
    private const string HealthCard = "4821 903 765 KT";

    /// <summary>
    /// The line as `dotnet run` starts it — Development settings, so the documented development accounts, and the
    /// reference scheduling API embedded — on a real Kestrel port for Chromium, the seniors' group open.
    /// </summary>
    private readonly IvrHostFactory _line = new IvrHostFactory(embeddedApi: true, provider: StorageProvider.Sqlite).WithSeniorsOpen().OnLoopback();

    public Task InitializeAsync()
    {
        _line.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _line.DisposeAsync();

    [Fact]
    public async Task Agent_SeesATransferredCallerArriveLive_ClaimsWithTheKeyboard_AndBooksForThem()
    {
        var page = await SignInAsync("agent", "agent-dev-password");
        await Expect(page.Locator("#live-state")).ToHaveTextAsync("Live updates on.");

        // A caller gives their birth date, then presses 0 for a person (the board is already open).
        using var caller = new SignedCaller(_line.BaseAddress, SignedCaller.NewCallSid(), "+16135550142");
        await caller.RingAsync();
        await caller.PressAsync("1");                       // English
        await caller.PressAsync("1");                       // book
        await caller.PressAsync(EligibleBirthDate + "#");
        await caller.PressAsync("1");                       // that's right: eligible, on to preferences
        await caller.PressAsync("0");                       // a person, please
        Assert.Contains("<Enqueue", caller.Twiml, StringComparison.Ordinal);

        // It appears without a reload, with what the caller gave, and the live region says so.
        var card = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "1945-03-12" });
        await Expect(card).ToContainTextAsync("Asked for a person");
        await Expect(card).ToContainTextAsync("+16135550142");
        await Expect(card).ToContainTextAsync("English");
        await Expect(page.Locator("#live")).ToHaveTextAsync("1 caller waiting, 0 callback requests.");
        await BrowserFixture.ScreenshotAsync(page, "1-board");

        // Keyboard only: focus the claim button and press Enter.
        await card.GetByRole(AriaRole.Button, new() { Name = "Claim this caller" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/console/calls/{caller.CallSid}$"));

        // The form is filled with what the caller already gave; the agent adds the health card.
        await Expect(page.GetByLabel("Birth date")).ToHaveValueAsync("1945-03-12");
        await Expect(page.GetByLabel("Number to reach the caller")).ToHaveValueAsync("+16135550142");
        await page.GetByLabel("Health card number").FillAsync(HealthCard);
        await BrowserFixture.ScreenshotAsync(page, "2-call");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the booking request" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Booking request sent");

        // The matcher's offer shows up by itself; the agent accepts it for the caller and reads the code.
        var accept = page.GetByRole(AriaRole.Button, new() { Name = "Accept this offer for the caller" });
        await Expect(accept).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#booking-status")).ToContainTextAsync("••••-•••-765-KT");
        await BrowserFixture.ScreenshotAsync(page, "3-offer");
        await accept.ClickAsync();
        await Expect(page.Locator("#booking-status")).ToContainTextAsync("booked.");
        Assert.Matches("^[0-9]{8}$", await page.Locator("#booking-status .code").TextContentAsync());
        AssertHidden(await page.ContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "4-booked");
    }

    [Fact]
    public async Task Supervisor_SetsTheIncidentMessage_TheNextCallerHearsIt_ThenClearsIt()
    {
        const string message = "Our North York clinic is closed today because of a power cut.";
        var page = await SignInAsync("supervisor", "supervisor-dev-password");
        await page.GetByRole(AriaRole.Link, new() { Name = "Supervisor" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Booking system" })).ToBeVisibleAsync();
        await Expect(page.Locator("#queue-waiting")).ToHaveTextAsync("0");

        await page.GetByLabel("Message callers hear").FillAsync(message);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the message" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Incident message set");
        await Expect(page.Locator("#incident-now")).ToContainTextAsync(message);
        await BrowserFixture.ScreenshotAsync(page, "5-supervisor");

        // The next call: in the TwiML of a signed POST /voice, and in what the softphone hears.
        using (var caller = new SignedCaller(_line.BaseAddress, SignedCaller.NewCallSid(), "+16135550143"))
        {
            Assert.Contains(message, await caller.RingAsync(), StringComparison.Ordinal);
        }

        using var phone = new SoftphoneEngine(new SoftphoneOptions());
        var heard = await phone.RunScriptAsync(
            new DialRequest { VoiceUrl = _line.Url("voice"), From = "+16135550144" },
            CallScript.Empty.Expect("You have reached the vaccine booking line").Expect(message).HangUp());
        Assert.True(heard.Passed, heard.ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear the message" }).ClickAsync();
        await Expect(page.Locator("#incident-now")).ToContainTextAsync("No incident message.");
        using var later = new SignedCaller(_line.BaseAddress, SignedCaller.NewCallSid(), "+16135550145");
        Assert.DoesNotContain(message, await later.RingAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_EveryFieldHasALabel_LandmarksAndALiveRegion_AgentsCannotReachTheSupervisorPage()
    {
        var page = await SignInAsync("agent", "agent-dev-password");

        Assert.Equal(1, await page.Locator("main#main").CountAsync());
        Assert.Equal(1, await page.Locator("header nav[aria-label='Console']").CountAsync());
        Assert.Equal(1, await page.Locator("[role=status][aria-live=polite]#live").CountAsync());
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();

        var forbidden = await page.GotoAsync("/console/supervisor");
        Assert.Equal(403, forbidden!.Status);

        using var caller = new SignedCaller(_line.BaseAddress, SignedCaller.NewCallSid(), "+16135550146");
        await caller.RingAsync();
        await caller.PressAsync("0");
        await page.GotoAsync("/console");
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim this caller" }).ClickAsync();
        var unlabelled = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => e.labels.length === 0).length");
        Assert.Equal(0, unlabelled);
    }

    /// <summary>
    /// The 7 digits the mask hides appear nowhere, however spaced. Not a 3-digit fragment: the page is full of
    /// random hex ids (request br_…, CallSids, tokens) and a fragment like "567" turns up in one by chance
    /// (issue 18: "Request br_ffd515fd56759fa6cf8faf26" failed the test once in a few runs); 7 digits in a
    /// row do not (about 1 in 10^8 per id).
    /// </summary>
    private static void AssertHidden(string page)
    {
        var digits = Regex.Replace(page, @"[\s\-.]", "");
        Assert.DoesNotContain(new string([.. HealthCard.Where(char.IsAsciiDigit).Take(7)]), digits, StringComparison.Ordinal);
    }

    private async Task<IPage> SignInAsync(string name, string password)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _line.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/console");
        await Expect(page).ToHaveURLAsync(new Regex("/console/sign-in"));
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waiting callers", Level = 1 })).ToBeVisibleAsync();
        return page;
    }
}
