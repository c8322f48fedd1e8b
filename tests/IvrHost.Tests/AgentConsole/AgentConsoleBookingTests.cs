extern alias SchedulingApi;

using System.Net;
using PhoneBooking.IvrHost.AgentConsole.Board;
using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.SchedulingClient;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.Testing;
using SchedulingApiApp = SchedulingApi::PhoneBooking.SchedulingApi.SchedulingApiApp;
using SchedulingSecurity = SchedulingApi::PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

public sealed class AgentConsoleBookingTests
{
    private const string CallSid = "CA22222222222222222222222222222222";

    [Fact]
    public async Task Book_BackendUp_SubmitsForTheCaller_WithTheAgentChannelAndTheHandoffsKey_OnlyOnce()
    {
        await using var host = await ConsoleHost.StartAsync(embeddedApi: true);
        var handoff = await host.HandOverAsync(CallSid, s => s with { BirthDate = new DateOnly(1948, 5, 2), CallbackNumber = "+14165550177" });
        using var alice = await ClaimedAsync(host, "alice");

        using var first = await BookAsync(alice, healthCard: "1234 567 890 ab");
        using var second = await BookAsync(alice, healthCard: "1234 567 890 ab");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var booking = Assert.IsType<AgentBooking>(await host.Service<AgentBookings>().ForAsync(handoff, CancellationToken.None));
        Assert.Equal(AgentBookingState.Submitted, booking.State);
        Assert.Equal("••••-•••-890-AB", booking.HealthCardMasked);

        // The request exists at the API, as the agent's, and the handoff's key replays it rather than making another.
        var api = host.Service<ISchedulingClient>();
        var status = await api.GetBookingRequestAsync(booking.RequestId!);
        Assert.Equal(Channel.Agent, status.Value!.Channel);
        var replay = await api.SubmitBookingRequestAsync(
            new BookingRequestSubmission(new Person(new DateOnly(1948, 5, 2), null, "1234-567-890-AB", "en-CA"), [new Preference(PartOfDay.Any)], Channel.Agent, "+14165550177", HoldStart.OnDelivery),
            AgentBookings.KeyFor(handoff));
        Assert.Equal(booking.RequestId, replay.Value!.RequestId);

        var page = await alice.PageAsync($"/console/calls/{CallSid}");
        Assert.Contains("••••-•••-890-AB", page, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", page.Replace(CallSid, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Single(await host.AuditAsync(), a => (a.Action, a.Outcome, a.Reference) == ("book", "ok", booking.RequestId));
        Assert.DoesNotContain("1948", await host.ConsoleTablesTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_OfferComes_AgentAcceptsItForTheCaller_AndSeesTheConfirmationCode()
    {
        await using var host = await ConsoleHost.StartAsync(embeddedApi: true);
        var handoff = await host.HandOverAsync(CallSid, s => s with { BirthDate = new DateOnly(1948, 5, 2), CallbackNumber = "+14165550177" });
        using var alice = await ClaimedAsync(host, "alice");
        (await BookAsync(alice)).Dispose();

        var booking = await WaitForAsync(host, handoff, b => b.OpenOffer is not null);
        using var accepted = await alice.PostAsync($"/console/calls/{CallSid}", $"/console/calls/{CallSid}?handler=Accept", []);
        var page = await alice.PageAsync($"/console/calls/{CallSid}");

        var booked = (await host.Service<AgentBookings>().ForAsync(handoff, CancellationToken.None))!;
        Assert.Equal(RequestStatus.Booked, booked.Status?.Status);
        Assert.Contains(booked.Status!.Booking!.ConfirmationCode, page, StringComparison.Ordinal);
        Assert.Contains("Offer accepted", page, StringComparison.Ordinal);
        Assert.Single(await host.AuditAsync(), a => (a.Action, a.Outcome) == ("accept", "ok"));
        Assert.NotNull(booking.OpenOffer);
    }

    [Fact]
    public async Task Book_InvalidDetails_NothingSent_FieldsNamedForTheAgent()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.HandOverAsync(CallSid);
        using var alice = await ClaimedAsync(host, "alice");

        using var response = await BookAsync(alice, birthDate: "2999-01-01", healthCard: "12-34", phone: "12");
        var html = await ConsoleClient.TextAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("href=\"#birth-date\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#health-card\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#contact-phone\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"birth-date-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(await host.AuditAsync(), a => a.Action == "book");
    }

    [Fact]
    public async Task Book_BackendDown_SavedWithTheSameKey_SubmittedWhenItIsBack_OutcomeShown()
    {
        var port = ServiceProcess.FreePort();
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["Scheduling:BaseUrl"] = $"http://127.0.0.1:{port}/",
            ["Scheduling:RetryCount"] = "0",
            ["Scheduling:HealthProbeInterval"] = "01:00:00",
        });
        var handoff = await host.HandOverAsync(CallSid, s => s with { BirthDate = new DateOnly(1948, 5, 2), CallbackNumber = "+14165550177" });
        using var alice = await ClaimedAsync(host, "alice");

        (await BookAsync(alice)).Dispose();

        var pending = (await host.Service<AgentBookings>().ForAsync(handoff, CancellationToken.None))!;
        Assert.Equal(AgentBookingState.Pending, pending.State);
        var saved = await host.Service<IDeferredRequestStore>().GetAsync(AgentBookings.KeyFor(handoff).Value, CancellationToken.None);
        Assert.Equal((DeferredStatus.Pending, Channel.Agent, HoldStart.OnDelivery), (saved!.Status, saved.Submission.Channel, saved.Submission.HoldStart));
        Assert.Contains("Saved, not sent yet", await alice.PageAsync($"/console/calls/{CallSid}"), StringComparison.Ordinal);
        Assert.Single(await host.AuditAsync(), a => (a.Action, a.Outcome) == ("book", "pending"));

        // The API comes back on its address; the line's submitter sends what was saved, and the console shows the outcome.
        using var data = new TempDirectory();
        await using var api = SchedulingApiApp.Create(
        [
            "--urls", $"http://127.0.0.1:{port}", "--Storage:DataDirectory", data.Path, "--environment", "Development",
            "--ApiClients:phone-line:Role", "PhoneLine", "--ApiClients:phone-line:KeySha256:0", SchedulingSecurity.ApiKeys.Sha256Hex(SchedulingSecurity.DevelopmentKeys.PhoneLine),
        ]);
        await api.StartAsync();
        await host.Service<DeferredSubmitter>().SubmitPendingAsync(CancellationToken.None);
        await host.Service<BoardWatcher>().CheckAsync(CancellationToken.None);

        var submitted = (await host.Service<AgentBookings>().ForAsync(handoff, CancellationToken.None))!;
        Assert.Equal(AgentBookingState.Submitted, submitted.State);
        Assert.True(submitted.WaitedForBackend);
        Assert.Equal((await host.Service<IDeferredRequestStore>().GetAsync(AgentBookings.KeyFor(handoff).Value, CancellationToken.None))!.RequestId, submitted.RequestId);
        var page = await alice.PageAsync($"/console/calls/{CallSid}");
        Assert.Contains("Saved while the booking system was down, sent since", page, StringComparison.Ordinal);
        Assert.Contains(submitted.RequestId!, page, StringComparison.Ordinal);
        await api.StopAsync();
    }

    private static async Task<ConsoleClient> ClaimedAsync(ConsoleHost host, string agent)
    {
        var client = await ConsoleClient.SignedInAsync(host.App, agent);
        (await client.PostAsync("/console", "/console?handler=Claim", new() { ["callSid"] = CallSid })).Dispose();
        return client;
    }

    private static Task<HttpResponseMessage> BookAsync(ConsoleClient client, string birthDate = "1948-05-02", string healthCard = "", string phone = "416 555 0177") =>
        client.PostAsync($"/console/calls/{CallSid}", $"/console/calls/{CallSid}?handler=Book", new()
        {
            ["Form.BirthDate"] = birthDate,
            ["Form.Name"] = "",
            ["Form.HealthCard"] = healthCard,
            ["Form.ContactPhone"] = phone,
            ["Form.Language"] = "en-CA",
            ["Form.Preferences[0].Date"] = "",
            ["Form.Preferences[0].PartOfDay"] = "any",
            ["Form.Preferences[1].Date"] = "",
            ["Form.Preferences[1].PartOfDay"] = "",
        });

    /// <summary>The API's matcher works in the background: ask (as the console's poll does) until it has.</summary>
    private static async Task<AgentBooking> WaitForAsync(ConsoleHost host, Handoff handoff, Func<AgentBooking, bool> done)
    {
        var bookings = host.Service<AgentBookings>();
        for (var i = 0; i < 200; i++)
        {
            await bookings.RefreshInFlightAsync(CancellationToken.None);
            if (await bookings.ForAsync(handoff, CancellationToken.None) is { } booking && done(booking))
            {
                return booking;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The matcher made no offer within 10 seconds.");
    }
}
