using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

/// <summary>
/// Attacks on the console's sign-in and sessions, over real sockets from distinct addresses: password
/// guessing (from one address, and spread over many) that must not lock the agent out, a copied cookie
/// after sign-out, a spoofed X-Forwarded-Proto, and what the audit then says.
/// </summary>
public sealed class AgentConsoleSecurityTests : IAsyncLifetime
{
    private const string Attacker = "127.0.0.66";
    private const string AliceDesk = "127.0.0.10";
    private const string SamDesk = "127.0.0.20";
    private const string Proxy = "127.0.0.5";

    private readonly ManualTimeProvider _clock = new();
    private ConsoleHost _console = null!;

    public async Task InitializeAsync() => _console = await ConsoleHost.StartAsync(new Dictionary<string, string?> { ["AgentConsole:TrustedProxies:0"] = Proxy }, _clock, loopback: true);

    public async Task DisposeAsync() => await _console.DisposeAsync();

    [Fact]
    public async Task SignIn_AttackerGuessesAlicesPasswordFromOneAddress_HeIsHeldOffAliceWaitsAMinuteAtMost()
    {
        using var attacker = _console.From(Attacker);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var guess = await attacker.SignInAsync("alice", $"guess {i}");
            statuses.Add(guess.StatusCode);
        }

        // Five checked guesses (the fifth answered "wait"), then the address waits five minutes, doubling: the rest are not even checked.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 4), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 26)], statuses);
        Assert.Equal(5, (await AuditAsync()).Count(a => (a.Agent, a.Action, a.Outcome) == ("alice", "sign-in", "failed")));

        using var alice = _console.From(AliceDesk);
        using var first = await alice.SignInAsync("alice", ConsoleAccounts.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode); // the account was guessed at: a short wait
        _clock.Advance(TimeSpan.FromMinutes(1));
        using var second = await alice.SignInAsync("alice", ConsoleAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        // The attacker, meanwhile, is still held off, even with the right password.
        using var stillHeldOff = await attacker.SignInAsync("alice", ConsoleAccounts.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillHeldOff.StatusCode);
    }

    [Fact]
    public async Task SignIn_GuessesSpreadOverManyAddresses_SlowedToOneAMinute()
    {
        for (var i = 0; i < 40; i++)
        {
            using var attacker = _console.From($"127.0.1.{i + 1}");
            (await attacker.SignInAsync("bob", $"guess {i}")).Dispose();
        }

        // Forty addresses, one guess each: five were checked; the account waits a minute per guess since.
        Assert.Equal(5, await CheckedGuessesAsync("bob"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        using var next = _console.From("127.0.1.200");
        (await next.SignInAsync("bob", "one more guess")).Dispose();
        (await next.SignInAsync("bob", "and another")).Dispose();
        Assert.Equal(6, await CheckedGuessesAsync("bob"));
    }

    [Fact]
    public async Task Supervisor_UnlocksAlice_SheSignsInAtOnce_Audited()
    {
        using var attacker = _console.From(Attacker);
        for (var i = 0; i < 6; i++)
        {
            (await attacker.SignInAsync("alice", $"guess {i}")).Dispose();
        }

        using var sam = await SignedInAsync(SamDesk, "sam");
        Assert.Contains("Let alice sign in now", await sam.PageAsync("/console/supervisor"), StringComparison.Ordinal);
        using var unlock = await sam.PostAsync("/console/supervisor", "/console/supervisor?handler=Unlock", new() { ["account"] = "alice" });

        using var alice = _console.From(AliceDesk);
        using var signedIn = await alice.SignInAsync("alice", ConsoleAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(await AuditAsync(), a => (a.Agent, a.Action, a.Reference, a.Source) == ("sam", "unlock", "alice", SamDesk));
    }

    [Fact]
    public async Task SignOut_CopiedCookieReplayedAfterwards_Refused()
    {
        using var alice = await SignedInAsync(AliceDesk, "alice");
        var stolen = alice.Cookies(new Uri(_console.App.BaseAddress, "console/"))["console.auth"];
        Assert.Equal(HttpStatusCode.OK, (await Replay(stolen, "/console")).StatusCode);

        (await alice.PostAsync("/console", "/console/sign-out", [])).Dispose();

        using var page = await Replay(stolen, "/console");
        using var events = await Replay(stolen, "/console/events");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/console/sign-in", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, events.StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_BySupervisor_EndsEveryOneOfAlicesSessions()
    {
        using var laptop = await SignedInAsync(AliceDesk, "alice");
        using var phone = await SignedInAsync("127.0.0.11", "alice");
        using var sam = await SignedInAsync(SamDesk, "sam");

        (await sam.PostAsync("/console/supervisor", "/console/supervisor?handler=SignOutEverywhere", new() { ["account"] = "alice" })).Dispose();

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.Http.GetAsync("/console")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Http.GetAsync("/console")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.Http.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task BehindTheTrustedProxy_CookieIsSecure_AndTheAuditNamesTheBrowser()
    {
        using var viaProxy = _console.From(Proxy);

        using var response = await SignInWithHeaders(viaProxy, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.9"));

        Assert.Contains(Cookie(response, "console.auth").Split(';'), p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(await AuditAsync(), a => (a.Action, a.Source) == ("sign-in", "203.0.113.9"));
    }

    [Fact]
    public async Task SpoofedForwardedHeadersFromElsewhere_Ignored()
    {
        using var spoofer = _console.From(Attacker);

        using var response = await SignInWithHeaders(spoofer, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "10.9.8.7"));

        Assert.DoesNotContain(Cookie(response, "console.auth").Split(';'), p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));
        var audit = await AuditAsync();
        Assert.Contains(audit, a => (a.Action, a.Source) == ("sign-in", Attacker));
        Assert.DoesNotContain(audit, a => a.Source == "10.9.8.7");
    }

    [Fact]
    public async Task Claim_NobodyWorksOnIt_BackInTheQueueAfterTheTimeout()
    {
        await HandOverAsync("CA0000000000000000000000000000c1a1");
        using var alice = await SignedInAsync(AliceDesk, "alice");
        (await alice.PostAsync("/console", "/console?handler=Claim", new() { ["callSid"] = "CA0000000000000000000000000000c1a1" })).Dispose();

        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HandoffStatus.Claimed, (await HandoffAsync("CA0000000000000000000000000000c1a1")).Status);
        _clock.Advance(TimeSpan.FromMinutes(2));
        (await alice.Http.GetAsync("/console")).Dispose();

        Assert.Equal(HandoffStatus.Waiting, (await HandoffAsync("CA0000000000000000000000000000c1a1")).Status);
        Assert.Contains(await AuditAsync(), a => (a.Agent, a.Action, a.Outcome, a.Reference) == ("(line)", "release", "expired", "alice"));
        using var gone = await alice.Http.GetAsync("/console/calls/CA0000000000000000000000000000c1a1");
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        Assert.Contains("not claimed by you", await alice.PageAsync("/console"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_ReleasesAClaim_AnotherAgentTakesTheCaller()
    {
        await HandOverAsync("CA0000000000000000000000000000c1a2");
        using var alice = await SignedInAsync(AliceDesk, "alice");
        (await alice.PostAsync("/console", "/console?handler=Claim", new() { ["callSid"] = "CA0000000000000000000000000000c1a2" })).Dispose();
        using var sam = await SignedInAsync(SamDesk, "sam");

        (await sam.PostAsync("/console/supervisor", "/console/supervisor?handler=Release", new() { ["callSid"] = "CA0000000000000000000000000000c1a2" })).Dispose();
        using var bob = await SignedInAsync("127.0.0.12", "bob");
        using var claim = await bob.PostAsync("/console", "/console?handler=Claim", new() { ["callSid"] = "CA0000000000000000000000000000c1a2" });

        Assert.Equal("/console/calls/CA0000000000000000000000000000c1a2", claim.Headers.Location?.OriginalString);
        Assert.Contains(await AuditAsync(), a => (a.Agent, a.Action, a.CallSid, a.Outcome) == ("sam", "release", "CA0000000000000000000000000000c1a2", "ok"));
    }

    [Fact]
    public async Task Audit_ViewsOfCallersDetailsAndRefusedActions_WithTheirSource()
    {
        await HandOverAsync("CA0000000000000000000000000000c1a3");
        using var alice = await SignedInAsync(AliceDesk, "alice");
        (await alice.PostAsync("/console", "/console?handler=Claim", new() { ["callSid"] = "CA0000000000000000000000000000c1a3" })).Dispose();
        (await alice.Http.GetAsync("/console/calls/CA0000000000000000000000000000c1a3")).Dispose();
        using var bob = await SignedInAsync("127.0.0.12", "bob");

        // Bob opens a caller Alice holds, then tries the supervisor page.
        (await bob.Http.GetAsync("/console/calls/CA0000000000000000000000000000c1a3")).Dispose();
        using var forbidden = await bob.Http.GetAsync("/console/supervisor");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var audit = await AuditAsync();
        Assert.Contains(audit, a => (a.Agent, a.Action, a.CallSid, a.Reference, a.Source) == ("alice", "view", "CA0000000000000000000000000000c1a3", "call", AliceDesk));
        Assert.Contains(audit, a => (a.Agent, a.Action, a.Reference, a.Source) == ("alice", "view", "board", AliceDesk));
        Assert.Contains(audit, a => (a.Agent, a.Action, a.CallSid, a.Outcome, a.Source) == ("bob", "view", "CA0000000000000000000000000000c1a3", "refused", "127.0.0.12"));
        Assert.Contains(audit, a => (a.Agent, a.Action, a.Outcome, a.Reference) == ("bob", "forbidden", "refused", "/console/supervisor"));
    }

    private async Task<ConsoleClient> SignedInAsync(string source, string name)
    {
        var client = _console.From(source);
        using var response = await client.SignInAsync(name, ConsoleAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Signs alice in with these headers on both requests; the antiforgery cookie is carried by hand (a Secure one is not sent back over the test's plain http).</summary>
    private static async Task<HttpResponseMessage> SignInWithHeaders(ConsoleClient client, params (string Name, string Value)[] headers)
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/console/sign-in");
        using var form = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in");
        foreach (var (name, value) in headers)
        {
            page.Headers.Add(name, value);
            form.Headers.Add(name, value);
        }

        using var pageResponse = await client.Http.SendAsync(page);
        var html = await pageResponse.Content.ReadAsStringAsync();
        form.Headers.Add("Cookie", Cookie(pageResponse, "console.af").Split(';')[0]);
        form.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "alice",
            ["Password"] = ConsoleAccounts.Password,
            ["__RequestVerificationToken"] = ConsoleClient.Token(html),
        });
        var response = await client.Http.SendAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    private async Task<int> CheckedGuessesAsync(string account) =>
        (await AuditAsync()).Count(a => (a.Agent, a.Action, a.Outcome) == (account, "sign-in", "failed"));

    private async Task<HttpResponseMessage> Replay(string cookie, string path)
    {
        using var stranger = _console.From(Attacker);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", "console.auth=" + cookie);
        return await stranger.Http.SendAsync(request);
    }

    private async Task HandOverAsync(string callSid)
    {
        var session = new CallSession { CallSid = callSid, State = CallState.Agent, Handoff = HandoffReason.CallerAsked, CallerId = "+14165550123" };
        await _console.App.Services.GetRequiredService<IHandoffDesk>().RecordAsync(session, CallState.ConfirmBirthDate, CancellationToken.None);
    }

    private async Task<Handoff> HandoffAsync(string callSid) =>
        (await _console.App.Services.GetRequiredService<IHandoffDesk>().GetAsync(callSid, CancellationToken.None))!;

    private async Task<IReadOnlyList<AuditRow>> AuditAsync()
    {
        await using var connection = LineTestStorage.OpenRaw(_console.App.Settings);
        return [.. await connection.QueryAsync<AuditRow>("SELECT agent AS Agent, action AS Action, call_sid AS CallSid, outcome AS Outcome, reference AS Reference, source AS Source FROM agent_audit ORDER BY id")];
    }

    private sealed record AuditRow(string Agent, string Action, string? CallSid, string Outcome, string? Reference, string? Source);
}
