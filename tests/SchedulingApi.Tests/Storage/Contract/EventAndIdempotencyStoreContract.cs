using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Contract;

public abstract class EventAndIdempotencyStoreContract : StoreContract
{
    [Fact]
    public async Task Events_AppendedWithTheTransaction_ReadInOrderAfterTheCursor()
    {
        await InTransactionAsync(async s =>
        {
            await s.Events.AppendAsync(new SchedulingEvent(0, EventTypes.OfferMade, Now, "br_1", "of_1", Channel.Phone, null), None);
            await s.Events.AppendAsync(SchedulingEvent.ForGroupVisit(EventTypes.GroupVisitScheduled, Now.AddSeconds(1), "gv_1"), None);
        });
        await RolledBackAsync(s => s.Events.AppendAsync(new SchedulingEvent(0, EventTypes.OfferExpired, Now, "br_2", "of_2", Channel.Web, null), None));
        await InTransactionAsync(s => s.Events.AppendAsync(new SchedulingEvent(0, EventTypes.BookingConfirmed, Now.AddSeconds(2), "br_1", "of_1", Channel.Agent, null), None));

        var all = await InTransactionAsync(s => s.Events.ReadAsync(0, 10, "web", None));

        Assert.Equal([EventTypes.OfferMade, EventTypes.GroupVisitScheduled, EventTypes.BookingConfirmed], all.Select(e => e.Type));
        Assert.True(all[0].Id < all[1].Id && all[1].Id < all[2].Id);
        Assert.Equal(new SchedulingEvent(all[0].Id, EventTypes.OfferMade, Now, "br_1", "of_1", Channel.Phone, null), all[0]);
        Assert.Equal(new SchedulingEvent(all[1].Id, EventTypes.GroupVisitScheduled, Now.AddSeconds(1), null, null, null, "gv_1"), all[1]);
        Assert.Equal([all[1].Id], (await InTransactionAsync(s => s.Events.ReadAsync(all[0].Id, 1, "web", None))).Select(e => e.Id));
        Assert.Empty(await InTransactionAsync(s => s.Events.ReadAsync(all[2].Id, 10, "web", None)));
    }

    [Fact]
    public async Task Events_ManyInOneTransaction_AllStoredInAppendOrder()
    {
        await InTransactionAsync(async s =>
        {
            for (var i = 0; i < 250; i++)
            {
                await s.Events.AppendAsync(new SchedulingEvent(0, EventTypes.OfferMade, Now, $"br_{i}", $"of_{i}", Channel.Web, null), None);
            }
        });

        var all = await InTransactionAsync(s => s.Events.ReadAsync(0, 1000, "web", None));

        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"br_{i}"), all.Select(e => e.RequestId));
    }

    [Fact]
    public async Task Idempotency_SavedRecordFoundByScopeAndKey_PurgedWhenOld()
    {
        var record = new IdempotencyRecord("POST /v1/booking-requests", "key-1", "abc", 202, "application/json", "/v1/booking-requests/br_1", [1, 2, 3, 0, 255], Now);

        await InTransactionAsync(s => s.Idempotency.SaveAsync(record, None));
        await InTransactionAsync(s => s.Idempotency.SaveAsync(record with { Key = "key-2", CreatedAt = Now.AddHours(2), ContentType = null, Location = null }, None));

        var found = await InTransactionAsync(s => s.Idempotency.FindAsync(record.Scope, "key-1", None));
        Assert.Equal(record with { Body = found!.Body }, found);
        Assert.Equal(record.Body, found.Body);
        Assert.Null(await InTransactionAsync(s => s.Idempotency.FindAsync("POST /v1/offers/{offerId}/accept", "key-1", None)));

        Assert.Equal(1, await InTransactionAsync(s => s.Idempotency.PurgeAsync(Now.AddHours(1), None)));
        Assert.Null(await InTransactionAsync(s => s.Idempotency.FindAsync(record.Scope, "key-1", None)));
        Assert.NotNull(await InTransactionAsync(s => s.Idempotency.FindAsync(record.Scope, "key-2", None)));
    }
}

public sealed class SqliteEventAndIdempotencyStoreTests : EventAndIdempotencyStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresEventAndIdempotencyStoreTests : EventAndIdempotencyStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
