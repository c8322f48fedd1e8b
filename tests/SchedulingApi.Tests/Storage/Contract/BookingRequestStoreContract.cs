using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Contract;

public abstract class BookingRequestStoreContract : StoreContract
{
    [Fact]
    public async Task Insert_ThenGet_RoundTripsEveryField()
    {
        var preferences = new List<Preference> { new(new DateOnly(2026, 11, 30), null, PartOfDay.Morning, "north"), new(null, DayOfWeek.Friday, PartOfDay.Evening, null) };
        var request = Request("br_1", RequestStatus.AwaitingEligibility, Channel.Phone, new DateOnly(2026, 12, 1), "adults", preferences);

        var seq = await InTransactionAsync(s => s.Requests.InsertAsync(request, None));
        var stored = await InTransactionAsync(s => s.Requests.GetAsync("br_1", None));

        Assert.Equal(request with { Seq = seq, Preferences = stored!.Preferences }, stored);
        Assert.Equal(preferences, stored.Preferences);
        Assert.Null(await InTransactionAsync(s => s.Requests.GetAsync("br_none", None)));
    }

    [Fact]
    public async Task Insert_SequenceGrowsInArrivalOrder()
    {
        var first = await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_1"), None));
        var second = await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_2"), None));

        Assert.True(second > first);
    }

    [Fact]
    public async Task ListQueued_InArrivalOrderAfterTheCursorUpToTheLimit_OnlyQueued()
    {
        var seqs = new List<long>();
        foreach (var (id, status) in new[] { ("br_1", RequestStatus.Queued), ("br_2", RequestStatus.AwaitingEligibility), ("br_3", RequestStatus.Queued), ("br_4", RequestStatus.Queued) })
        {
            seqs.Add(await InTransactionAsync(s => s.Requests.InsertAsync(Request(id, status), None)));
        }

        var page = await InTransactionAsync(s => s.Requests.ListQueuedAsync(seqs[0], 1, None));
        var all = await InTransactionAsync(s => s.Requests.ListQueuedAsync(0, 10, None));

        Assert.Equal(["br_3"], page.Select(r => r.Id));
        Assert.Equal(["br_1", "br_3", "br_4"], all.Select(r => r.Id));
    }

    [Fact]
    public async Task MarkOffered_OnlyFromQueued_CountsTheOfferOfEach()
    {
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_1"), None));
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_2"), None));
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_3"), None));

        Assert.Equal(2, await InTransactionAsync(s => s.Requests.MarkOfferedAsync([("br_1", "of_1"), ("br_2", "of_2")], Now, None)));
        Assert.Equal(1, await InTransactionAsync(s => s.Requests.MarkOfferedAsync([("br_1", "of_9"), ("br_3", "of_3")], Now, None)));

        var stored = await InTransactionAsync(async s => new[] { await s.Requests.GetAsync("br_1", None), await s.Requests.GetAsync("br_2", None), await s.Requests.GetAsync("br_3", None) });
        Assert.Equal(
            [(RequestStatus.Offered, 1, "of_1"), (RequestStatus.Offered, 1, "of_2"), (RequestStatus.Offered, 1, "of_3")],
            stored.Select(r => (r!.Status, r.OffersMade, r.CurrentOfferId)));
        Assert.Equal(0, await InTransactionAsync(s => s.Requests.CountQueuedAsync(None)));
    }

    [Fact]
    public async Task ReturnFromOffer_OnlyFromOffered()
    {
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_1"), None));
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_2"), None));
        await InTransactionAsync(s => s.Requests.MarkOfferedAsync([("br_1", "of_1")], Now, None));

        await InTransactionAsync(s => s.Requests.ReturnFromOfferAsync("br_1", RequestStatus.Closed, Now, None));
        await InTransactionAsync(s => s.Requests.ReturnFromOfferAsync("br_2", RequestStatus.Closed, Now, None));

        Assert.Equal(RequestStatus.Closed, (await InTransactionAsync(s => s.Requests.GetAsync("br_1", None)))!.Status);
        Assert.Equal(RequestStatus.Queued, (await InTransactionAsync(s => s.Requests.GetAsync("br_2", None)))!.Status);
    }

    [Fact]
    public async Task MarkBookedAndCancelled_StoreCodeAndStatus()
    {
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_1"), None));
        await InTransactionAsync(s => s.Requests.MarkOfferedAsync([("br_1", "of_1")], Now, None));

        await InTransactionAsync(s => s.Requests.MarkBookedAsync("br_1", "12345678", Now, None));
        var booked = (await InTransactionAsync(s => s.Requests.GetAsync("br_1", None)))!;
        await InTransactionAsync(s => s.Requests.MarkCancelledAsync("br_1", Now, None));

        Assert.Equal((RequestStatus.Booked, "12345678"), (booked.Status, booked.ConfirmationCode));
        Assert.Equal(RequestStatus.Cancelled, (await InTransactionAsync(s => s.Requests.GetAsync("br_1", None)))!.Status);
    }

    [Fact]
    public async Task PromoteEligible_QueuesThoseWhoseDateCame_InArrivalOrder()
    {
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_later", RequestStatus.AwaitingEligibility, eligibleFrom: new DateOnly(2026, 12, 1)), None));
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_today", RequestStatus.AwaitingEligibility, eligibleFrom: new DateOnly(2026, 11, 23)), None));
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_past", RequestStatus.AwaitingEligibility, eligibleFrom: new DateOnly(2026, 11, 1)), None));
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_undated", RequestStatus.AwaitingEligibility), None));

        var promoted = await InTransactionAsync(s => s.Requests.PromoteEligibleAsync(new DateOnly(2026, 11, 23), Now, None));

        Assert.Equal(["br_today", "br_past"], promoted.Select(r => r.Id));
        Assert.All(promoted, r => Assert.Equal(RequestStatus.Queued, r.Status));
        Assert.Equal(2, await InTransactionAsync(s => s.Requests.CountQueuedAsync(None)));
    }

    [Fact]
    public async Task UpdateEligibleFrom_ChangesOnlyWaitingRequestsOfTheCohortWithAnotherDate()
    {
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_1", RequestStatus.AwaitingEligibility, eligibleFrom: new DateOnly(2026, 12, 1), cohort: "adults"), None));
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_2", RequestStatus.AwaitingEligibility, eligibleFrom: null, cohort: "adults"), None));
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_3", RequestStatus.AwaitingEligibility, eligibleFrom: new DateOnly(2026, 12, 1), cohort: "other"), None));

        Assert.Equal(1, await InTransactionAsync(s => s.Requests.UpdateEligibleFromAsync("adults", new DateOnly(2026, 12, 1), None))); // null → date
        Assert.Equal(2, await InTransactionAsync(s => s.Requests.UpdateEligibleFromAsync("adults", null, None)));                    // both → null
        Assert.Equal(0, await InTransactionAsync(s => s.Requests.UpdateEligibleFromAsync("adults", null, None)));

        Assert.Equal(new DateOnly(2026, 12, 1), (await InTransactionAsync(s => s.Requests.GetAsync("br_3", None)))!.EligibleFrom);
    }

    /// <summary>Positions come from per-block counts kept by triggers; they must equal a plain count.</summary>
    [Fact]
    public async Task QueuePosition_ManyBlocksWithGaps_EqualsCountOfQueuedAhead()
    {
        var requests = await InTransactionAsync(async s =>
        {
            var inserted = new List<(string Id, long Seq)>();
            for (var i = 0; i < 3000; i++)
            {
                var request = Request($"br_test{i}", i % 50 == 0 ? RequestStatus.AwaitingEligibility : RequestStatus.Queued);
                inserted.Add((request.Id, await s.Requests.InsertAsync(request, None)));
            }

            return inserted;
        });
        await InTransactionAsync(async s =>
        {
            await s.Requests.MarkOfferedAsync([.. requests.Where((_, i) => i % 3 == 1).Select(r => (r.Id, "of_x"))], Now, None);
        });
        await InTransactionAsync(async s =>
        {
            foreach (var (id, _) in requests.Where((_, i) => i % 9 == 1))
            {
                await s.Requests.ReturnFromOfferAsync(id, RequestStatus.Queued, Now, None);
            }
        });

        var queued = requests.Select((r, i) => (r.Seq, Queued: i % 50 != 0 && (i % 3 != 1 || i % 9 == 1))).ToList();
        Assert.Equal(queued.Count(q => q.Queued), await InTransactionAsync(s => s.Requests.CountQueuedAsync(None)));
        await InTransactionAsync(async s =>
        {
            foreach (var (seq, isQueued) in queued.Where((q, i) => q.Queued && (i % 37 == 0 || i > 2990)))
            {
                Assert.Equal(queued.Count(q => q.Queued && q.Seq <= seq), await s.Requests.GetQueuePositionAsync(seq, None));
            }
        });
    }
}

public sealed class SqliteBookingRequestStoreTests : BookingRequestStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresBookingRequestStoreTests : BookingRequestStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
