using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Contract;

public abstract class SecurityStoreContract : StoreContract
{
    [Fact]
    public async Task Owners_RecordedPerResource_UnknownHasNone()
    {
        await InTransactionAsync(s => s.Owners.RecordAsync("br_1", "web", None));
        await InTransactionAsync(s => s.Owners.RecordAsync("gv_1", "phone-line", None));

        Assert.Equal("web", await InTransactionAsync(s => s.Owners.OwnerAsync("br_1", None)));
        Assert.Equal("phone-line", await InTransactionAsync(s => s.Owners.OwnerAsync("gv_1", None)));
        Assert.Null(await InTransactionAsync(s => s.Owners.OwnerAsync("br_2", None)));
    }

    [Fact]
    public async Task Events_OfOwnedResources_ReadOnlyByTheirOwnerAndUnownedByAll()
    {
        await InTransactionAsync(async s =>
        {
            await s.Owners.RecordAsync("br_web", "web", None);
            await s.Owners.RecordAsync("gv_line", "phone-line", None);
            await s.Events.AppendAsync(new SchedulingEvent(0, EventTypes.OfferMade, Now, "br_web", "of_1", Channel.Web, null), None);
            await s.Events.AppendAsync(SchedulingEvent.ForGroupVisit(EventTypes.GroupVisitScheduled, Now, "gv_line"), None);
            await s.Events.AppendAsync(new SchedulingEvent(0, EventTypes.OfferMade, Now, "br_old", "of_2", Channel.Phone, null), None);
        });

        var web = await InTransactionAsync(s => s.Events.ReadAsync(0, 10, "web", None));
        var line = await InTransactionAsync(s => s.Events.ReadAsync(0, 10, "phone-line", None));

        Assert.Equal(["br_web", "br_old"], web.Select(e => e.RequestId));
        Assert.Equal(["gv_line", null], line.Select(e => e.GroupVisitId));
    }

    [Theory]
    [InlineData(RequestStatus.Queued, true)]
    [InlineData(RequestStatus.AwaitingEligibility, true)]
    [InlineData(RequestStatus.Offered, true)]
    [InlineData(RequestStatus.Booked, true)]
    [InlineData(RequestStatus.Cancelled, false)]
    [InlineData(RequestStatus.Closed, false)]
    public async Task People_OpenRequestFoundByKey_OnlyWhileTheRequestIsOpen(RequestStatus status, bool open)
    {
        await InTransactionAsync(async s =>
        {
            await s.Requests.InsertAsync(Request("br_p", status), None);
            await s.People.RecordAsync("br_p", "person-key-1", None);
        });

        Assert.Equal(open, await InTransactionAsync(s => s.People.HasOpenRequestAsync("person-key-1", None)));
        Assert.False(await InTransactionAsync(s => s.People.HasOpenRequestAsync("person-key-2", None)));
    }

    [Fact]
    public async Task Guesses_SavedReadAndDeletedPerScopeAndKey()
    {
        Assert.Null(await InTransactionAsync(s => s.Guesses.GetAsync("facility-code", "k", None)));

        await InTransactionAsync(s => s.Guesses.SaveAsync("facility-code", "k", new GuessCounter(1, Now, null), None));
        await InTransactionAsync(s => s.Guesses.SaveAsync("facility-code", "k", new GuessCounter(6, Now, Now.AddSeconds(2)), None));
        await InTransactionAsync(s => s.Guesses.SaveAsync("client", "k", new GuessCounter(1, Now.AddMinutes(1), null), None));

        Assert.Equal(new GuessCounter(6, Now, Now.AddSeconds(2)), await InTransactionAsync(s => s.Guesses.GetAsync("facility-code", "k", None)));
        Assert.Equal(new GuessCounter(1, Now.AddMinutes(1), null), await InTransactionAsync(s => s.Guesses.GetAsync("client", "k", None)));

        await InTransactionAsync(s => s.Guesses.DeleteAsync("facility-code", "k", None));
        Assert.Null(await InTransactionAsync(s => s.Guesses.GetAsync("facility-code", "k", None)));
        Assert.NotNull(await InTransactionAsync(s => s.Guesses.GetAsync("client", "k", None)));
    }
}

public sealed class SqliteSecurityStoreTests : SecurityStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresSecurityStoreTests : SecurityStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
