using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Contract;

public abstract class GroupVisitStoreContract : StoreContract
{
    [Fact]
    public async Task Insert_ThenGet_RoundTrips_ReferenceKnown_PositionsInArrivalOrder()
    {
        var facility = (await InTransactionAsync(s => s.Facilities.GetByCodeAsync(TestSettings.FacilityCode, None)))!;
        var first = Visit("gv_1", "100001", facility.Id);
        var seq1 = await InTransactionAsync(s => s.GroupVisits.InsertAsync(first, None));
        var seq2 = await InTransactionAsync(s => s.GroupVisits.InsertAsync(Visit("gv_2", "100002", facility.Id), None));

        Assert.Equal(first with { Seq = seq1, PreferredDates = first.PreferredDates }, (await InTransactionAsync(s => s.GroupVisits.GetAsync("gv_1", None)))! with { PreferredDates = first.PreferredDates });
        Assert.Equal(first.PreferredDates, (await InTransactionAsync(s => s.GroupVisits.GetAsync("gv_1", None)))!.PreferredDates);
        Assert.True(await InTransactionAsync(s => s.GroupVisits.ReferenceExistsAsync("100002", None)));
        Assert.False(await InTransactionAsync(s => s.GroupVisits.ReferenceExistsAsync("100003", None)));
        Assert.Equal(1, await InTransactionAsync(s => s.GroupVisits.GetQueuePositionAsync(seq1, None)));
        Assert.Equal(2, await InTransactionAsync(s => s.GroupVisits.GetQueuePositionAsync(seq2, None)));

        await InTransactionAsync(s => s.GroupVisits.CompleteAsync("gv_1", GroupVisitStatus.Scheduled, new DateOnly(2026, 12, 2), None));

        Assert.Equal(["gv_2"], (await InTransactionAsync(s => s.GroupVisits.ListQueuedAsync(10, None))).Select(v => v.Id));
        Assert.Equal(1, await InTransactionAsync(s => s.GroupVisits.GetQueuePositionAsync(seq2, None)));
        var scheduled = (await InTransactionAsync(s => s.GroupVisits.GetAsync("gv_1", None)))!;
        Assert.Equal((GroupVisitStatus.Scheduled, new DateOnly(2026, 12, 2)), (scheduled.Status, scheduled.VisitDate));
    }

    [Fact]
    public async Task TryReserveTeam_UpToTheTeamsOfTheDay()
    {
        var day = new DateOnly(2026, 12, 2);

        var taken = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            taken.Add(await InTransactionAsync(s => s.GroupVisits.TryReserveTeamAsync(day, 2, None)));
        }

        Assert.Equal([true, true, false], taken);
        Assert.True(await InTransactionAsync(s => s.GroupVisits.TryReserveTeamAsync(day.AddDays(1), 2, None)));
        Assert.False(await InTransactionAsync(s => s.GroupVisits.TryReserveTeamAsync(day.AddDays(2), 0, None)));
    }

    private static GroupVisit Visit(string id, string reference, string facilityId) =>
        new(0, id, reference, facilityId, 40, 12, [new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 9)], "+14165550199", "fr-CA", GroupVisitStatus.Queued, null, Now);
}

public sealed class SqliteGroupVisitStoreTests : GroupVisitStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresGroupVisitStoreTests : GroupVisitStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
