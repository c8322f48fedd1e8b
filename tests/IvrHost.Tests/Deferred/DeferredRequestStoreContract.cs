using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Tests.Deferred;

/// <summary>Requests saved while the API was down: kept once per key, held by one submitter at a time, decided once.</summary>
public abstract class DeferredRequestStoreContract : LineStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private IDeferredRequestStore Store => Get<IDeferredRequestStore>();

    [Fact]
    public async Task Save_SameKeyTwice_KeepsTheFirst_ReadBackWhole()
    {
        await Store.SaveAsync("key-1", "CA1", Submission("+14165550123"), None);
        await Store.SaveAsync("key-1", "CA2", Submission("+16135550000"), None);

        var saved = (await Store.GetAsync("key-1", None))!;
        Assert.Equal(("CA1", DeferredStatus.Pending, Clock.GetUtcNow()), (saved.CallSid, saved.Status, saved.CreatedAt));
        Assert.Equal(Submission("+14165550123") with { Preferences = saved.Submission.Preferences }, saved.Submission);
        Assert.Equal(Submission("+1").Preferences, saved.Submission.Preferences);
    }

    [Fact]
    public async Task Submission_StoredEncrypted()
    {
        await Store.SaveAsync("key-1", "CA1", Submission("+14165550123"), None);

        var raw = await Stores.RawTextAsync("deferred_requests");
        Assert.DoesNotContain("1950-03-05", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("4165550123", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("1234-567-890", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_OldestFirst_HeldUntilTheLeaseEnds_ThenAnyoneTakesThem()
    {
        for (var i = 0; i < 3; i++)
        {
            await Store.SaveAsync($"key-{i}", $"CA{i}", Submission("+14165550123"), None);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(["key-0", "key-1"], (await Store.ClaimPendingAsync("a", Lease, 2, None)).Select(r => r.IdempotencyKey));
        Assert.Equal(["key-2"], (await Store.ClaimPendingAsync("b", Lease, 2, None)).Select(r => r.IdempotencyKey));
        Assert.Empty(await Store.ClaimPendingAsync("c", Lease, 10, None));

        Clock.Advance(Lease);
        Assert.Equal(3, (await Store.ClaimPendingAsync("c", Lease, 10, None)).Count);
    }

    [Fact]
    public async Task Release_LetsGoOfWhatIsStillPending_ForAnyoneAtOnce()
    {
        await Store.SaveAsync("key-1", "CA1", Submission("+14165550123"), None);
        await Store.SaveAsync("key-2", "CA2", Submission("+14165550123"), None);
        await Store.ClaimPendingAsync("a", Lease, 10, None);
        Assert.True(await Store.MarkSubmittedAsync("key-1", "br_1", None));

        await Store.ReleaseAsync("a", None);

        Assert.Equal(["key-2"], (await Store.ClaimPendingAsync("b", Lease, 10, None)).Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task Claim_TwoInstancesAtOnce_EachRequestTakenOnce()
    {
        var other = (await Stores.OpenAnotherAsync()).Get<IDeferredRequestStore>();
        for (var i = 0; i < 40; i++)
        {
            await Store.SaveAsync($"key-{i:D2}", $"CA{i}", Submission("+14165550123"), None);
        }

        var taken = new List<string>();
        for (var round = 0; round < 10; round++)
        {
            var batches = await Task.WhenAll(
                Task.Run(() => Store.ClaimPendingAsync("a", Lease, 3, None)),
                Task.Run(() => other.ClaimPendingAsync("b", Lease, 3, None)));
            taken.AddRange(batches.SelectMany(b => b).Select(r => r.IdempotencyKey));
        }

        Assert.Equal(40, taken.Count);
        Assert.Equal(40, taken.Distinct().Count());
    }

    [Fact]
    public async Task Decide_OnlyFromPending_SecondMarkLoses()
    {
        await Store.SaveAsync("key-1", "CA1", Submission("+14165550123"), None);

        Assert.True(await Store.MarkSubmittedAsync("key-1", "br_1", None));
        Assert.False(await Store.MarkRejectedAsync("key-1", None));
        Assert.False(await Store.MarkSubmittedAsync("key-unknown", "br_2", None));

        var decided = (await Store.GetAsync("key-1", None))!;
        Assert.Equal((DeferredStatus.Submitted, "br_1", Clock.GetUtcNow()), (decided.Status, decided.RequestId, decided.DecidedAt));
        Assert.Empty(await Store.ClaimPendingAsync("a", Lease, 10, None));
    }

    private static BookingRequestSubmission Submission(string phone) => new(
        new Person(new DateOnly(1950, 3, 5), "Ada Lovelace", "1234-567-890-AB", "en-CA"),
        [new Preference(PartOfDay.Morning, DayOfWeek: DayOfWeek.Tuesday)],
        Channel.Phone,
        phone,
        HoldStart.OnDelivery);
}

public sealed class SqliteDeferredRequestStoreTests : DeferredRequestStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresDeferredRequestStoreTests : DeferredRequestStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
