using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Contract;

public abstract class OfferAndBookingStoreContract : StoreContract
{
    [Fact]
    public async Task Offer_InsertGet_RoundTrips_DecidedOnce()
    {
        var windowId = await SetUpAsync();
        var offer = new Offer("of_1", "br_1", windowId, OfferStatus.Pending, Now, null, Now.AddMinutes(60), null);

        await InTransactionAsync(s => s.Offers.InsertAsync([offer], None));
        Assert.Equal(offer, await InTransactionAsync(s => s.Offers.GetAsync("of_1", None)));

        Assert.True(await InTransactionAsync(s => s.Offers.TryDecideAsync("of_1", OfferStatus.Declined, Now.AddMinutes(1), None)));
        Assert.False(await InTransactionAsync(s => s.Offers.TryDecideAsync("of_1", OfferStatus.Accepted, Now.AddMinutes(2), None)));
        Assert.Equal(offer with { Status = OfferStatus.Declined, DecidedAt = Now.AddMinutes(1) }, await InTransactionAsync(s => s.Offers.GetAsync("of_1", None)));
    }

    [Fact]
    public async Task Offer_HoldStartsOnce_OverdueListedOldestFirst()
    {
        var windowId = await SetUpAsync();
        await InTransactionAsync(s => s.Offers.InsertAsync(
            [
                new Offer("of_1", "br_1", windowId, OfferStatus.Pending, Now, null, Now.AddMinutes(60), null),
                new Offer("of_2", "br_1", windowId, OfferStatus.Pending, Now, Now, Now.AddMinutes(10), null),
                new Offer("of_3", "br_1", windowId, OfferStatus.Expired, Now, Now, Now.AddMinutes(5), Now),
            ],
            None));

        Assert.True(await InTransactionAsync(s => s.Offers.TryStartHoldAsync("of_1", Now.AddMinutes(1), Now.AddMinutes(11), None)));
        Assert.False(await InTransactionAsync(s => s.Offers.TryStartHoldAsync("of_1", Now.AddMinutes(2), Now.AddMinutes(12), None)));

        var overdue = await InTransactionAsync(s => s.Offers.ListOverdueAsync(Now.AddMinutes(30), 10, None));
        Assert.Equal(["of_2", "of_1"], overdue.Select(o => o.Id));
        Assert.Equal(["of_2"], (await InTransactionAsync(s => s.Offers.ListOverdueAsync(Now.AddMinutes(30), 1, None))).Select(o => o.Id));
    }

    [Fact]
    public async Task Offer_ManyInsertedAtOnce_EachRoundTrips_WindowsListedPerRequest()
    {
        var windowId = await SetUpAsync();
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_2"), None));
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_3"), None));
        var otherWindowId = (await InTransactionAsync(s => s.Windows.ListAsync(new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 25), "south", None)))[0].Id;
        Offer[] offers =
        [
            new("of_1", "br_1", windowId, OfferStatus.Pending, Now, Now, Now.AddMinutes(10), null),
            new("of_2", "br_1", otherWindowId, OfferStatus.Pending, Now, null, Now.AddMinutes(60), null),
            new("of_3", "br_2", windowId, OfferStatus.Pending, Now, Now, Now.AddMinutes(10), null),
        ];

        await InTransactionAsync(s => s.Offers.InsertAsync(offers, None));

        foreach (var offer in offers)
        {
            Assert.Equal(offer, await InTransactionAsync(s => s.Offers.GetAsync(offer.Id, None)));
        }

        var offered = await InTransactionAsync(s => s.Offers.ListOfferedWindowsAsync(["br_1", "br_2", "br_3"], None));
        Assert.Equal([windowId, otherWindowId], offered["br_1"].Order());
        Assert.Equal([windowId], offered["br_2"]);
        Assert.Empty(offered["br_3"]);
    }

    [Fact]
    public async Task Booking_InsertGetExists_CancelledOnce()
    {
        var windowId = await SetUpAsync();
        await InTransactionAsync(s => s.Offers.InsertAsync([new Offer("of_1", "br_1", windowId, OfferStatus.Accepted, Now, Now, Now.AddMinutes(10), Now)], None));
        var booking = new Booking("87654321", "br_1", "of_1", windowId, new DateOnly(1950, 3, 23), BookingStatus.Confirmed, Now);

        await InTransactionAsync(s => s.Bookings.InsertAsync(booking, None));

        Assert.Equal(booking, await InTransactionAsync(s => s.Bookings.GetAsync("87654321", None)));
        Assert.True(await InTransactionAsync(s => s.Bookings.ExistsAsync("87654321", None)));
        Assert.False(await InTransactionAsync(s => s.Bookings.ExistsAsync("11111111", None)));
        Assert.True(await InTransactionAsync(s => s.Bookings.TryCancelAsync("87654321", Now, None)));
        Assert.False(await InTransactionAsync(s => s.Bookings.TryCancelAsync("87654321", Now, None)));
        Assert.Equal(BookingStatus.Cancelled, (await InTransactionAsync(s => s.Bookings.GetAsync("87654321", None)))!.Status);
    }

    private async Task<long> SetUpAsync()
    {
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_1"), None));
        return (await InTransactionAsync(s => s.Windows.ListAsync(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), "north", None)))[0].Id;
    }
}

public sealed class SqliteOfferAndBookingStoreTests : OfferAndBookingStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresOfferAndBookingStoreTests : OfferAndBookingStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
