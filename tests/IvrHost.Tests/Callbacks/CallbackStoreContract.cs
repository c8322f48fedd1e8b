using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Tests.Callbacks;

/// <summary>The outbound queue's stores (promises, claims and attempts, the pacing slot, the feed's news and cursor) on either provider.</summary>
public abstract class CallbackStoreContract : LineStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private ICallbackRequests Requests => Get<ICallbackRequests>();

    private ICallbackQueue Queue => Get<ICallbackQueue>();

    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task Save_ReplayedWebhook_OneCallbackReadBackWhole()
    {
        var session = new CallSession { CallSid = "CA" + new string('7', 32), CallbackNumber = "+14162223344", RequestId = "br_1", Person = 1 };

        for (var i = 0; i < 3; i++)
        {
            await Requests.SaveAsync(CallbackRequest.ForOffer(session), None);
        }

        var saved = Assert.Single(await Requests.ListAsync(CallbackFilter.All, 10, None));
        Assert.Equal(CallbackRequest.ForOffer(session), saved.Request);
        Assert.Equal(CallbackStatus.WaitingForOffer, saved.Status);
        var got = (await Requests.GetAsync(saved.Request.Id, None))!;
        Assert.Equal((saved.Request, saved.Status, saved.NextAttemptAt), (got.Request, got.Status, got.NextAttemptAt));
    }

    [Fact]
    public async Task Save_SecondOfferCallbackForTheRequest_UpdatesTheFirst_EvenFromAnotherInstance()
    {
        var other = (await Stores.OpenAnotherAsync()).Get<ICallbackRequests>();

        await Requests.SaveAsync(Offer("+14162223344", "br_1", '1'), None);
        await other.SaveAsync(Offer("+16132223344", "br_1", '2') with { Locale = "fr-CA" }, None);

        var only = Assert.Single(await Requests.ListAsync(CallbackFilter.All, 10, None));
        Assert.Equal((Offer("+1", "br_1", '1').Id, "+16132223344", "fr-CA"), (only.Request.Id, only.Request.Phone, only.Request.Locale));
    }

    [Fact]
    public async Task Save_TwoPromisesForOneRequestAtOnceOnTwoInstances_OneCallback()
    {
        var other = (await Stores.OpenAnotherAsync()).Get<ICallbackRequests>();

        for (var i = 0; i < 10; i++)
        {
            await Task.WhenAll(
                Task.Run(() => Requests.SaveAsync(Offer("+14162223344", $"br_{i}", $"CA{i:D32}"), None)),
                Task.Run(() => other.SaveAsync(Offer("+16132223344", $"br_{i}", $"CA{i + 100:D32}"), None)));
        }

        var all = await Requests.ListAsync(CallbackFilter.All, 100, None);
        Assert.Equal(10, all.Count);
        Assert.Equal(10, all.Select(c => c.Request.RequestId).Distinct().Count());
    }

    [Fact]
    public async Task Due_AgentAtOnce_OfferOnlyOnceTheFeedSaysMade_NumberReadBackInClear()
    {
        await Requests.SaveAsync(Agent("+14162223344", '1'), None);
        await Requests.SaveAsync(Offer("+16132223344", "br_1", '2'), None);

        Assert.Equal(["+14162223344"], (await Queue.DueAsync(Now, 10, includeAgentCallbacks: true, None)).Select(d => d.Phone));
        Assert.Empty(await Queue.DueAsync(Now, 10, includeAgentCallbacks: false, None));

        await OfferMadeAsync("br_1", eventId: 7);

        var due = await Queue.DueAsync(Now, 10, includeAgentCallbacks: false, None);
        Assert.Equal([(CallbackKind.Offer, "+16132223344", "en-CA", 0)], due.Select(d => (d.Kind, d.Phone, d.Locale, d.Attempts)));
    }

    [Fact]
    public async Task Numbers_StoredEncrypted_CountedByKeyedHash()
    {
        await Requests.SaveAsync(Agent("+14162223344", '1'), None);
        await Requests.SaveAsync(Agent("+14162223344", '1') with { Id = CallbackRequest.IdFor("CA" + new string('1', 32), CallbackKind.Reminder, person: 0), Kind = CallbackKind.Reminder }, None);
        foreach (var due in await Queue.DueAsync(Now, 10, true, None))
        {
            var claimed = (await Queue.TryClaimAsync(due, "host-a", Now, Lease, None))!;
            Assert.True(await Queue.StartDiallingAsync(claimed, Now, None));
        }

        Assert.DoesNotContain("4162223344", await Stores.RawTextAsync("callbacks"), StringComparison.Ordinal);
        Assert.Equal(2, await Queue.DialsSinceAsync("+14162223344", Now.AddMinutes(-1), None));
        Assert.Equal(0, await Queue.DialsSinceAsync("+14162223345", Now.AddMinutes(-1), None));
        Assert.Equal(1, await Queue.OtherCallbacksDialledForTheSameCallAsync(Agent("+1", '1').Id, None));
    }

    [Fact]
    public async Task Claim_TwoInstancesRacingForEachCallback_ExactlyOneWinsEach()
    {
        var other = (await Stores.OpenAnotherAsync()).Get<ICallbackQueue>();
        for (var i = 0; i < 20; i++)
        {
            await Requests.SaveAsync(DialerCallback($"+1613222{i:D4}", i), None);
        }

        foreach (var due in await Queue.DueAsync(Now, 100, true, None))
        {
            var claims = await Task.WhenAll(
                Task.Run(() => Queue.TryClaimAsync(due, "host-a", Now, Lease, None)),
                Task.Run(() => other.TryClaimAsync(due, "host-b", Now, Lease, None)));

            var winner = Assert.Single(claims, c => c is not null)!;
            Assert.Equal(1, winner.Number);
        }

        Assert.Empty(await Queue.DueAsync(Now, 100, true, None));
    }

    [Fact]
    public async Task Attempt_PlacedThenMissed_RetriedAfterTheFirstDelay_StatusesNeverMoveBack()
    {
        await Requests.SaveAsync(Agent("+14162223344", '1'), None);
        var claimed = (await Queue.TryClaimAsync(Assert.Single(await Queue.DueAsync(Now, 10, true, None)), "host-a", Now, Lease, None))!;
        Assert.True(await Queue.StartDiallingAsync(claimed, Now, None));
        await Queue.PlacedAsync(claimed, "CAplaced", Now, None);

        TimeSpan[] delays = [TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];
        await Queue.RecordStatusAsync(new AttemptStatus(claimed.CallbackId, 1, "CAplaced", "ringing"), delays, Now, None);
        var missed = await Queue.RecordStatusAsync(new AttemptStatus(claimed.CallbackId, 1, "CAplaced", "no-answer"), delays, Now, None);
        var late = await Queue.RecordStatusAsync(new AttemptStatus(claimed.CallbackId, 1, "CAplaced", "ringing"), delays, Now, None);

        Assert.Equal(new AttemptUpdate(true, true, true, CallbackStatus.Scheduled), missed);
        Assert.False(late.Final);
        var record = (await Requests.GetAsync(claimed.CallbackId, None))!;
        Assert.Equal(("no-answer", "CAplaced"), (Assert.Single(record.Attempts).State, record.Attempts[0].CallSid));
        Assert.Equal((CallbackStatus.Scheduled, Now.AddMinutes(2)), (record.Status, record.NextAttemptAt));
        Assert.False((await Queue.RecordStatusAsync(new AttemptStatus("cb-unknown", 1, null, "completed"), delays, Now, None)).Known);
    }

    [Fact]
    public async Task Route_AnsweredByAPerson_FlowOnce_AMachineLaterTurnsItToVoicemail()
    {
        await Requests.SaveAsync(Agent("+14162223344", '1'), None);
        var claimed = (await Queue.TryClaimAsync(Assert.Single(await Queue.DueAsync(Now, 10, true, None)), "host-a", Now, Lease, None))!;
        await Queue.PlacedAsync(claimed, "CAplaced", Now, None);

        Assert.Equal(new RouteDecision(AttemptRoute.Undecided, false), await Queue.RouteAsync(claimed.CallbackId, 1, decideNow: false, Now, None));
        Assert.Equal(new RouteDecision(AttemptRoute.Flow, true), await Queue.RouteAsync(claimed.CallbackId, 1, decideNow: true, Now, None));
        Assert.Equal(new RouteDecision(AttemptRoute.Flow, false), await Queue.RouteAsync(claimed.CallbackId, 1, decideNow: true, Now, None));
        Assert.True(await Queue.MachineDetectedAsync(claimed.CallbackId, 1, "machine_end_beep", Now, None));

        var record = (await Requests.GetAsync(claimed.CallbackId, None))!;
        Assert.Equal((CallbackStatus.Voicemail, "voicemail", "machine_end_beep"), (record.Status, record.Attempts[0].Route, record.Attempts[0].AnsweredBy));
    }

    [Fact]
    public async Task Recover_ClaimWhoseLeaseEnded_AbandonedAndDueAgain()
    {
        await Requests.SaveAsync(Agent("+14162223344", '1'), None);
        await Queue.TryClaimAsync(Assert.Single(await Queue.DueAsync(Now, 10, true, None)), "crashed-host", Now, Lease, None);

        Assert.Equal(0, (await Queue.RecoverAsync(Now, TimeSpan.FromMinutes(2), TimeSpan.FromHours(4), None)).Total);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var recovered = await Queue.RecoverAsync(Now, TimeSpan.FromMinutes(2), TimeSpan.FromHours(4), None);

        Assert.Equal(new Recovery(1, 0, 0), recovered);
        var due = Assert.Single(await Queue.DueAsync(Now, 10, true, None));
        Assert.Equal(1, due.Attempts);
    }

    [Fact]
    public async Task Pacer_OneSlotPerInterval_SharedByTwoInstancesTakingAtOnce()
    {
        var other = (await Stores.OpenAnotherAsync()).Get<IDialPacer>();
        var pacer = Get<IDialPacer>();
        var interval = TimeSpan.FromMilliseconds(250);
        var taken = 0;

        for (var tick = 0; tick < 8; tick++)
        {
            var slots = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? pacer : other).TryTakeAsync(Now, interval, None))));
            Assert.Single(slots, s => s.Taken);
            Assert.All(slots.Where(s => !s.Taken), s => Assert.Equal(Now + interval, s.At));
            taken++;
            Clock.Advance(interval);
        }

        Assert.Equal(8, taken);
    }

    [Fact]
    public async Task Feed_CursorOnlyMovesForward_NewsOnlyReplacedByNewer()
    {
        var feed = Get<IOfferFeedStore>();
        await OfferMadeAsync("br_1", eventId: 5);
        await feed.ApplyAsync([new SchedulingEvent(3, SchedulingEventTypes.OfferExpired, Now, "br_1", "of_3", Channel.Phone)], 3, None);

        Assert.Equal(5, await feed.CursorAsync(None));
        await Requests.SaveAsync(Offer("+14162223344", "br_1", '1'), None);
        Assert.Equal(CallbackStatus.Scheduled, (await Requests.GetAsync(Offer("+1", "br_1", '1').Id, None))!.Status);
        Assert.True(await feed.AnyOfferCallbackOpenAsync(None));

        await feed.ApplyAsync([new SchedulingEvent(9, SchedulingEventTypes.BookingConfirmed, Now, "br_1", "of_5", Channel.Phone)], 9, None);
        Assert.Equal(1, await Queue.CloseSettledAsync(Now, None));
        Assert.Equal((CallbackStatus.Closed, "request booked"), await StatusAndOutcomeAsync(Offer("+1", "br_1", '1').Id));
        Assert.False(await feed.AnyOfferCallbackOpenAsync(None));
    }

    private async Task<(CallbackStatus, string?)> StatusAndOutcomeAsync(string id)
    {
        var record = (await Requests.GetAsync(id, None))!;
        return (record.Status, record.Outcome);
    }

    private Task OfferMadeAsync(string requestId, long eventId) =>
        Get<IOfferFeedStore>().ApplyAsync([new SchedulingEvent(eventId, SchedulingEventTypes.OfferMade, Now, requestId, $"of_{eventId}", Channel.Phone)], eventId, None);

    private static CallbackRequest Offer(string phone, string requestId, char call) => Offer(phone, requestId, "CA" + new string(call, 32));

    private static CallbackRequest Offer(string phone, string requestId, string callSid) =>
        new(CallbackRequest.IdFor(callSid, CallbackKind.Offer, person: 0), CallbackKind.Offer, callSid, phone, "en-CA", requestId, null);

    private static CallbackRequest Agent(string phone, char call) =>
        new(CallbackRequest.IdFor("CA" + new string(call, 32), CallbackKind.Agent, person: 0), CallbackKind.Agent, "CA" + new string(call, 32), phone, "en-CA", null, null, HandoffReason.CallerAsked);

    private static CallbackRequest DialerCallback(string phone, int i) =>
        new(CallbackRequest.IdFor($"CA{i:D32}", CallbackKind.Agent, person: 0), CallbackKind.Agent, $"CA{i:D32}", phone, "en-CA", null, null);
}

public sealed class SqliteCallbackStoreTests : CallbackStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresCallbackStoreTests : CallbackStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
