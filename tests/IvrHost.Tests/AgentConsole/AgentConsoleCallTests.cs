using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PhoneBooking.Testing;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

public sealed class AgentConsoleCallTests
{
    private const string CallSid = "CA11111111111111111111111111111111";

    [Fact]
    public async Task Board_ShowsTheWaitingCaller_WithReasonLanguageWaitAndWhatTheyGave()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.HandOverAsync(CallSid, s => s with
        {
            Locale = "fr-CA",
            Handoff = HandoffReason.BackendDown,
            BirthDate = new DateOnly(1950, 3, 23),
            Preferences = [new Preference(new DateOnly(2026, 11, 24), PartOfDay.Morning)],
            CallbackNumber = "+14165550177",
        });
        using var agent = await ConsoleClient.SignedInAsync(host.App, "alice");

        var html = await agent.PageAsync("/console");

        Assert.Contains("Booking system was down", html, StringComparison.Ordinal);
        Assert.Contains("French (Canada)", html, StringComparison.Ordinal);
        Assert.Contains("1950-03-23", html, StringComparison.Ordinal);
        Assert.Contains("+14165550177", html, StringComparison.Ordinal);
        Assert.Contains("Tue 24 Nov 2026, morning", html, StringComparison.Ordinal);
        Assert.Contains("Confirm birth date", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"claim-{CallSid}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_TwoAgentsAtOnce_ExactlyOneWins_BothAudited()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.HandOverAsync(CallSid);
        using var alice = await ConsoleClient.SignedInAsync(host.App, "alice");
        using var bob = await ConsoleClient.SignedInAsync(host.App, "bob");
        var tokens = await Task.WhenAll(alice.PageAsync("/console"), bob.PageAsync("/console"));

        var responses = await Task.WhenAll(
            Claim(alice, ConsoleClient.Token(tokens[0])),
            Claim(bob, ConsoleClient.Token(tokens[1])));

        var locations = responses.Select(r => r.Headers.Location?.OriginalString).ToList();
        Assert.Single(locations, l => l == $"/console/calls/{CallSid}");
        Assert.Single(locations, l => l == "/console");
        var handoff = await host.Service<IHandoffDesk>().GetAsync(CallSid, CancellationToken.None);
        Assert.Equal(HandoffStatus.Claimed, handoff!.Status);
        var claims = (await host.AuditAsync()).Where(a => a.Action == "claim").ToList();
        Assert.Equal(["lost", "ok"], claims.Select(c => c.Outcome).Order());
        Assert.Equal(handoff.ClaimedBy, claims.Single(c => c.Outcome == "ok").Agent);
        Assert.All(claims, c => Assert.Equal(CallSid, c.CallSid));

        static Task<HttpResponseMessage> Claim(ConsoleClient client, string token) => client.Http.PostAsync(
            "/console?handler=Claim",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["callSid"] = CallSid, ["__RequestVerificationToken"] = token }));
    }

    [Fact]
    public async Task CallPage_NotClaimedByYou_SendsYouBackToTheBoard()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.HandOverAsync(CallSid);
        using var alice = await ConsoleClient.SignedInAsync(host.App, "alice");
        using var bob = await ConsoleClient.SignedInAsync(host.App, "bob");
        (await alice.PostAsync("/console", "/console?handler=Claim", new() { ["callSid"] = CallSid })).Dispose();

        using var response = await bob.Http.GetAsync($"/console/calls/{CallSid}");

        Assert.Equal("/console", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Connect_ClaimedCall_RedirectsTheLiveCallToTheAgentsPhone_ThroughTwiliosRestApi()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.HandOverAsync(CallSid);
        using var alice = await ConsoleClient.SignedInAsync(host.App, "alice");
        (await alice.PostAsync("/console", "/console?handler=Claim", new() { ["callSid"] = CallSid })).Dispose();

        using var response = await alice.PostAsync($"/console/calls/{CallSid}", $"/console/calls/{CallSid}?handler=Connect", []);

        Assert.Equal($"/console/calls/{CallSid}", response.Headers.Location?.OriginalString);
        var request = Assert.Single(host.Twilio.Requests);
        Assert.Equal($"/2010-04-01/Accounts/AC00000000000000000000000000000000/Calls/{CallSid}.json", request.Path);
        Assert.Equal(
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"AC00000000000000000000000000000000:{ConsoleHost.AuthToken}"))).ToString(),
            request.Authorization);
        Assert.Equal(
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Response><Dial><Number>{ConsoleAccounts.AlicePhone}</Number></Dial></Response>",
            request.Form["Twiml"]);
        Assert.Contains(await host.AuditAsync(), a => (a.Agent, a.Action, a.CallSid, a.Outcome) == ("alice", "connect", CallSid, "ok"));
        Assert.Contains("Putting the caller through to +15550100101", await alice.PageAsync($"/console/calls/{CallSid}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_SipAccount_DialsTheSipAddress()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.HandOverAsync(CallSid);
        using var sam = await ConsoleClient.SignedInAsync(host.App, "sam");
        (await sam.PostAsync("/console", "/console?handler=Claim", new() { ["callSid"] = CallSid })).Dispose();

        (await sam.PostAsync($"/console/calls/{CallSid}", $"/console/calls/{CallSid}?handler=Connect", [])).Dispose();

        Assert.EndsWith($"<Response><Dial><Sip>{ConsoleAccounts.SamSip}</Sip></Dial></Response>", Assert.Single(host.Twilio.Requests).Form["Twiml"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_CallerHungUp_TwilioRefuses_AgentIsTold_AndItIsAuditedAsFailed()
    {
        await using var host = await ConsoleHost.StartAsync();
        host.Twilio.Script(TwilioAnswer.Json(400, """{"code":21220,"message":"Call is not in-progress. Cannot redirect.","status":400}"""));
        await host.HandOverAsync(CallSid);
        using var alice = await ConsoleClient.SignedInAsync(host.App, "alice");
        (await alice.PostAsync("/console", "/console?handler=Claim", new() { ["callSid"] = CallSid })).Dispose();

        (await alice.PostAsync($"/console/calls/{CallSid}", $"/console/calls/{CallSid}?handler=Connect", [])).Dispose();
        var page = await alice.PageAsync($"/console/calls/{CallSid}");

        Assert.Contains("the caller may have hung up", page, StringComparison.Ordinal);
        Assert.Contains(await host.AuditAsync(), a => (a.Action, a.Outcome, a.Reference) == ("connect", "failed", "CallGone"));
    }

    [Fact]
    public async Task Connect_NotClaimed_SendsNothingToTwilio()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.HandOverAsync(CallSid);
        using var alice = await ConsoleClient.SignedInAsync(host.App, "alice");

        using var response = await alice.PostAsync("/console", $"/console/calls/{CallSid}?handler=Connect", []);

        Assert.Equal("/console", response.Headers.Location?.OriginalString);
        Assert.Empty(host.Twilio.Requests);
    }

    [Fact]
    public async Task Finish_TakesTheCallerOffTheBoard()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.HandOverAsync(CallSid);
        using var alice = await ConsoleClient.SignedInAsync(host.App, "alice");
        (await alice.PostAsync("/console", "/console?handler=Claim", new() { ["callSid"] = CallSid })).Dispose();

        (await alice.PostAsync($"/console/calls/{CallSid}", $"/console/calls/{CallSid}?handler=Finish", [])).Dispose();

        Assert.Empty(await host.Service<IHandoffDesk>().OpenAsync(CancellationToken.None));
        Assert.DoesNotContain(CallSid, await alice.PageAsync("/console"), StringComparison.Ordinal);
        Assert.Equal(["sign-in", "view", "claim", "view", "finish"], (await host.AuditAsync()).Select(a => a.Action));
    }

    [Fact]
    public async Task Claim_MalformedCallSid_Returns400()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var alice = await ConsoleClient.SignedInAsync(host.App, "alice");

        using var response = await alice.PostAsync("/console", "/console?handler=Claim", new() { ["callSid"] = "CA1'; DROP TABLE handoffs" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
