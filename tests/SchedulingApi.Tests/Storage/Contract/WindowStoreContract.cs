using Dapper;
using Npgsql;
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
    public async Task Take_TakesPlacesOnlyWhereThereIsRoom_ReleaseNeverAboveCapacity()
    {
        var window = (await InTransactionAsync(s => s.Windows.ListAsync(Today, Today, null, None))).Single();

        Assert.Equal(1, await InTransactionAsync(s => s.Windows.TakeAsync(new Dictionary<long, int> { [window.Id] = 2 }, None)));
        Assert.Equal(0, await InTransactionAsync(s => s.Windows.TakeAsync(new Dictionary<long, int> { [window.Id] = 2 }, None))); // one left: all or nothing
        Assert.Equal(1, (await InTransactionAsync(s => s.Windows.GetAsync(window.Id, None)))!.Remaining);
        Assert.Equal(1, await InTransactionAsync(s => s.Windows.TakeAsync(new Dictionary<long, int> { [window.Id] = 1 }, None)));
        Assert.Empty(await InTransactionAsync(s => s.Windows.ListOpenAsync(Now, None)));

        for (var i = 0; i <= Capacity; i++)
        {
            await InTransactionAsync(s => s.Windows.ReleaseAsync(window.Id, None));
        }

        Assert.Equal(Capacity, (await InTransactionAsync(s => s.Windows.GetAsync(window.Id, None)))!.Remaining);
    }

    [Fact]
    public async Task ListOpen_WindowsWithRoomFromTheEarliestStart_WithTheirLocalFacts()
    {
        var window = (await InTransactionAsync(s => s.Windows.ListAsync(Today, Today, null, None))).Single();

        var open = Assert.Single(await InTransactionAsync(s => s.Windows.ListOpenAsync(Now, None)));
        Assert.Equal(new OpenWindow(window.Id, "solo", Today, DayOfWeek.Monday, 15, Capacity), open);
        Assert.Empty(await InTransactionAsync(s => s.Windows.ListOpenAsync(window.Start.AddMinutes(1), None)));
    }

    [Fact]
    public async Task Claim_ReturnsThePlacesLeftNow_UnknownWindowsLeftOut()
    {
        var window = (await InTransactionAsync(s => s.Windows.ListAsync(Today, Today, null, None))).Single();
        await InTransactionAsync(s => s.Windows.TakeAsync(new Dictionary<long, int> { [window.Id] = 1 }, None));

        var claimed = await InTransactionAsync(s => s.Windows.ClaimAsync([window.Id, window.Id + 1000], None));

        Assert.Equal(new Dictionary<long, int> { [window.Id] = Capacity - 1 }, claimed);
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

    /// <summary>Another instance's matcher (or an accept) holds the window: a claim leaves it out at once instead of waiting for it.</summary>
    [Fact]
    public async Task Claim_WindowHeldByAnotherTransaction_LeftOutWithoutWaiting()
    {
        var window = (await InTransactionAsync(s => s.Windows.ListAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23), null, None))).Single();
        await using var other = new NpgsqlConnection(Api.PostgresConnectionString);
        await other.OpenAsync();
        await using var holding = await other.BeginTransactionAsync();
        await other.ExecuteAsync("SELECT 1 FROM windows WHERE id = @Id FOR UPDATE", new { window.Id }, holding);

        var claimed = await InTransactionAsync(s => s.Windows.ClaimAsync([window.Id], None));

        Assert.Empty(claimed);
        await holding.RollbackAsync();
        Assert.Equal([window.Id], (await InTransactionAsync(s => s.Windows.ClaimAsync([window.Id], None))).Keys);
    }
}
