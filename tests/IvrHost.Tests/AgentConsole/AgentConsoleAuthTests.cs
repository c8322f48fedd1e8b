using System.Net;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

public sealed class AgentConsoleAuthTests
{
    [Theory]
    [InlineData("/console")]
    [InlineData("/console/supervisor")]
    [InlineData("/console/calls/CA0123456789abcdef0123456789abcdef")]
    public async Task Page_NotSignedIn_RedirectsToSignIn(string path)
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = ConsoleClient.For(host.App);

        using var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/console/sign-in?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData("/console/events", false)]
    [InlineData("/console?handler=Board", true)]
    public async Task ScriptRequest_NotSignedIn_Returns401(string path, bool fragment)
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = ConsoleClient.For(host.App);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (fragment)
        {
            request.Headers.Add("X-Console-Fragment", "1");
        }

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_RightPassword_SignsInToTheBoard_AndAudits()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = ConsoleClient.For(host.App);

        using var response = await client.SignInAsync("Alice", ConsoleAccounts.Password);
        var board = await client.Http.GetAsync("/console");

        Assert.Equal("/console", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Contains("Signed in as <strong>alice</strong>", await ConsoleClient.TextAsync(board), StringComparison.Ordinal);
        Assert.True(board.Headers.CacheControl?.NoStore);
        var audit = await host.AuditAsync();
        Assert.Equal([("alice", "sign-in", "ok", null), ("alice", "view", "ok", "board")], audit.Select(a => (a.Agent, a.Action, a.Outcome, a.Reference)));
    }

    [Fact]
    public async Task SignIn_ReturnUrlOutsideTheConsole_GoesToTheBoardInstead()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = ConsoleClient.For(host.App);

        using var response = await client.PostAsync(
            "/console/sign-in", "/console/sign-in?ReturnUrl=%2F%2Fevil.example.org%2Fconsole%2F",
            new() { ["Name"] = "alice", ["Password"] = ConsoleAccounts.Password });

        Assert.Equal("/console", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownName_Refused_AuditedWithoutWhatWasTyped()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = ConsoleClient.For(host.App);

        using var wrong = await client.SignInAsync("alice", "not the password");
        using var unknown = await client.SignInAsync("hunter2-typed-in-the-name-field", ConsoleAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("do not match an account", await ConsoleClient.TextAsync(wrong), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.DoesNotContain("console.auth", string.Join(";", unknown.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []), StringComparison.Ordinal);
        Assert.Equal([("alice", "failed"), ("(unknown)", "failed")], (await host.AuditAsync()).Select(a => (a.Agent, a.Outcome)));
        Assert.DoesNotContain("hunter2", await host.ConsoleTablesTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_LockTheName_EvenForTheRightPassword_UntilTheLockRunsOut()
    {
        var clock = new ManualTimeProvider();
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?> { ["AgentConsole:MaxFailedSignIns"] = "3", ["AgentConsole:Lockout"] = "00:05:00" }, clock);
        using var client = ConsoleClient.For(host.App);

        for (var i = 0; i < 3; i++)
        {
            (await client.SignInAsync("bob", "guess " + i)).Dispose();
        }

        using var locked = await client.SignInAsync("bob", ConsoleAccounts.Password);
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        using var later = await client.SignInAsync("bob", ConsoleAccounts.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("Too many failed attempts", await ConsoleClient.TextAsync(locked), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal(["failed", "failed", "failed", "locked", "ok"], (await host.AuditAsync()).Select(a => a.Outcome));
    }

    [Fact]
    public async Task SignIn_FurtherFailuresAfterALock_DoubleIt()
    {
        var clock = new ManualTimeProvider();
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?> { ["AgentConsole:MaxFailedSignIns"] = "1", ["AgentConsole:Lockout"] = "00:01:00" }, clock);
        using var client = ConsoleClient.For(host.App);

        (await client.SignInAsync("bob", "guess 1")).Dispose();   // locked 1 min
        clock.Advance(TimeSpan.FromMinutes(1.5));
        (await client.SignInAsync("bob", "guess 2")).Dispose();   // locked 2 min
        clock.Advance(TimeSpan.FromMinutes(1.5));
        using var stillLocked = await client.SignInAsync("bob", ConsoleAccounts.Password);
        clock.Advance(TimeSpan.FromMinutes(1));
        using var free = await client.SignInAsync("bob", ConsoleAccounts.Password);

        Assert.Contains("Too many failed attempts", await ConsoleClient.TextAsync(stillLocked), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, free.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Returns400()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = ConsoleClient.For(host.App);

        using var response = await client.Http.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "alice", ["Password"] = ConsoleAccounts.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await host.AuditAsync());
    }

    [Fact]
    public async Task Supervisor_Agent_Gets403_ForThePageAndForSettingTheIncident()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var agent = await ConsoleClient.SignedInAsync(host.App, "alice");

        using var page = await agent.Http.GetAsync("/console/supervisor");
        using var set = await agent.PostAsync("/console", "/console/supervisor?handler=Set", new() { ["Message"] = "Agents cannot say this." });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, set.StatusCode);
        Assert.DoesNotContain("Agents cannot say this", await host.AnswerCallAsync("CA00000000000000000000000000000403"), StringComparison.Ordinal);
        Assert.DoesNotContain(await host.AuditAsync(), a => a.Action.StartsWith("incident", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndAudits()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = await ConsoleClient.SignedInAsync(host.App, "sam");

        using var signOut = await client.PostAsync("/console", "/console/sign-out", []);
        using var after = await client.Http.GetAsync("/console");

        Assert.Equal("/console/sign-in", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(["sign-in", "view", "sign-out"], (await host.AuditAsync()).Select(a => a.Action));
    }
}
