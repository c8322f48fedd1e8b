using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Contract;

public abstract class FacilityAndSiteStoreContract : StoreContract
{
    [Fact]
    public async Task Facility_AddedOncePerCode_FoundByCodeAndId()
    {
        var facility = new Facility("fa_1", "555001", "Birch House", "Birch House", "pbkdf2-sha256$1000$x$y");

        Assert.True(await InTransactionAsync(s => s.Facilities.AddIfMissingAsync(facility, None)));
        Assert.False(await InTransactionAsync(s => s.Facilities.AddIfMissingAsync(facility with { Id = "fa_2", PinHash = "other" }, None)));

        Assert.Equal(facility, await InTransactionAsync(s => s.Facilities.GetByCodeAsync("555001", None)));
        Assert.Equal(facility, await InTransactionAsync(s => s.Facilities.GetAsync("fa_1", None)));
        Assert.Null(await InTransactionAsync(s => s.Facilities.GetByCodeAsync("999999", None)));
    }

    [Fact]
    public async Task Sites_UpsertUpdatesInPlace_ListedByName()
    {
        await InTransactionAsync(s => s.Sites.UpsertAsync(new Site("north", "Aardvark Clinic", "Aardvark", "9 North Street", "America/Toronto"), None));

        var sites = await InTransactionAsync(s => s.Sites.ListAsync(None));

        Assert.Equal(["Aardvark Clinic", "St. South Clinic"], sites.Select(site => site.Name));
        Assert.Equal(new Site("north", "Aardvark Clinic", "Aardvark", "9 North Street", "America/Toronto"), sites[0]);
    }
}

public sealed class SqliteFacilityAndSiteStoreTests : FacilityAndSiteStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresFacilityAndSiteStoreTests : FacilityAndSiteStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
