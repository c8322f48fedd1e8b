using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Contract;

/// <summary>Seeded with one site, "solo", and one window today 15:00-16:00 Toronto holding <see cref="Capacity"/> places.</summary>
public abstract class WindowStoreContract : StoreContract
{
    private const int Capacity = 3;
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task AddMissing_OnlyNewWindowsAdded_ListedByDateAndSite()
    {
        var existing = (await InTransactionAsync(s => s.Windows.ListAsync(Today, Today, null, None))).Single();
        var tomorrow = new NewWindow("solo", existing.Start.AddDays(1), existing.End.AddDays(1), Today.AddDays(1), DayOfWeek.Tuesday, 15, 5);
        var again = new NewWindow("solo", existing.Start, existing.End, Today, DayOfWeek.Monday, 15, 99);

        Assert.Equal(1, await InTransactionAsync(s => s.Windows.AddMissingAsync([tomorrow, again], None)));
        Assert.Equal(0, await InTransactionAsync(s => s.Windows.AddMissingAsync([tomorrow], None)));

        var listed = await InTransactionAsync(s => s.Windows.ListAsync(Today, Today.AddDays(1), "solo", None));
        Assert.Equal([(existing.Start, Capacity), (tomorrow.Start, 5)], listed.Select(w => (w.Start, w.Capacity)));
        Assert.Empty(await InTransactionAsync(s => s.Windows.ListAsync(Today, Today.AddDays(1), "elsewhere", None)));
        Assert.Equal(existing, await InTransactionAsync(s => s.Windows.GetAsync(existing.Id, None)));
    }

    [Fact]
    public async Task TryReserve_TakesPlacesUntilFull_ReleaseNeverAboveCapacity()
    {
        var window = (await InTransactionAsync(s => s.Windows.ListAsync(Today, Today, null, None))).Single();

        var taken = new List<bool>();
        for (var i = 0; i <= Capacity; i++)
        {
            taken.Add(await InTransactionAsync(s => s.Windows.TryReserveAsync(window.Id, None)));
        }

        Assert.Equal([true, true, true, false], taken);
        Assert.False(await InTransactionAsync(s => s.Windows.AnyOpenAsync(Now, None)));
        for (var i = 0; i <= Capacity; i++)
        {
            await InTransactionAsync(s => s.Windows.ReleaseAsync(window.Id, None));
        }

        Assert.Equal(Capacity, (await InTransactionAsync(s => s.Windows.GetAsync(window.Id, None)))!.Remaining);
    }

    [Fact]
    public async Task FindOpen_MatchesThePreference_NeverAWindowAlreadyOfferedToTheRequest()
    {
        var window = (await InTransactionAsync(s => s.Windows.ListAsync(Today, Today, null, None))).Single();
        await InTransactionAsync(s => s.Requests.InsertAsync(Request("br_1"), None));

        Assert.Equal(window.Id, (await InTransactionAsync(s => s.Windows.FindOpenAsync(new Preference(Today, null, PartOfDay.Afternoon, "solo"), "br_1", Now, None)))?.Id);
        Assert.Null(await InTransactionAsync(s => s.Windows.FindOpenAsync(new Preference(null, null, PartOfDay.Morning, null), "br_1", Now, None)));
        Assert.Null(await InTransactionAsync(s => s.Windows.FindOpenAsync(new Preference(null, DayOfWeek.Tuesday, PartOfDay.Any, null), "br_1", Now, None)));
        Assert.Null(await InTransactionAsync(s => s.Windows.FindOpenAsync(Preference.Anything, "br_1", window.Start.AddMinutes(1), None)));

        await InTransactionAsync(s => s.Offers.InsertAsync(new Offer("of_1", "br_1", window.Id, OfferStatus.Declined, Now, Now, Now.AddMinutes(10), Now), None));
        Assert.Null(await InTransactionAsync(s => s.Windows.FindOpenAsync(Preference.Anything, "br_1", Now, None)));
    }

    protected override void Configure(Dictionary<string, string?> settings) => TestSettings.SingleWindow(settings, Capacity);
}

public sealed class SqliteWindowStoreTests : WindowStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresWindowStoreTests : WindowStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
