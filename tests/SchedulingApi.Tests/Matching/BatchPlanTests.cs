using PhoneBooking.SchedulingApi.Matching;

namespace PhoneBooking.SchedulingApi.Tests.Matching;

/// <summary>
/// The in-memory choice of one batch, including what the API tests cannot stage on demand: a window whose places
/// another instance took between the batch's read and its claim, and a window another instance holds.
/// </summary>
public sealed class BatchPlanTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly ILookup<string, long> NothingOfferedBefore = Array.Empty<long>().ToLookup(_ => "");

    private static readonly OpenWindow NorthMorning = new(1, "north", Monday, DayOfWeek.Monday, 10, Remaining: 2);
    private static readonly OpenWindow SouthMorning = new(2, "south", Monday, DayOfWeek.Monday, 10, Remaining: 5);
    private static readonly OpenWindow NorthEvening = new(3, "north", Monday.AddDays(1), DayOfWeek.Tuesday, 18, Remaining: 5);

    private static readonly Preference NorthPlease = new(null, null, PartOfDay.Any, "north");

    [Fact]
    public void Place_InArrivalOrder_BestRankedPreferenceThenAnything_PlacesCountedDown()
    {
        var plan = new BatchPlan([NorthMorning, SouthMorning, NorthEvening], NothingOfferedBefore);
        var evening = Request(1, new Preference(null, DayOfWeek.Tuesday, PartOfDay.Evening, null));
        var first = Request(2, NorthPlease);
        var second = Request(3, NorthPlease);
        var third = Request(4, NorthPlease);
        var nothingFits = Request(5, new Preference(null, DayOfWeek.Sunday, PartOfDay.Any, null));

        plan.Place([evening, first, second, third, nothingFits]);

        Assert.Equal(
            [(1L, 3L), (2, 1), (3, 1), (4, 3), (5, 2)],
            plan.Placements.Select(p => (p.Request.Seq, p.WindowId)));
        Assert.Equal(new Dictionary<long, int> { [3] = 2, [1] = 2, [2] = 1 }, plan.PlacesTaken);
        Assert.True(plan.AnyRoomLeft);
    }

    [Fact]
    public void Place_WindowOfferedBefore_NeverChosenAgain()
    {
        var plan = new BatchPlan([NorthMorning, SouthMorning], new[] { ("br_1", 1L) }.ToLookup(p => p.Item1, p => p.Item2));

        plan.Place([Request(1, NorthPlease)]);

        Assert.Equal([2L], plan.Placements.Select(p => p.WindowId)); // north's only window was declined: the earliest anywhere
    }

    [Fact]
    public void Settle_FewerPlacesThanRead_EarliestArrivalsKeepTheWindow_OthersChooseAgain()
    {
        var plan = new BatchPlan([NorthMorning, SouthMorning], NothingOfferedBefore);
        plan.Place([Request(1, NorthPlease), Request(2, NorthPlease), Request(3)]);
        Assert.Equal([1L, 2L], plan.Unclaimed.Order());

        var displaced = plan.Settle(plan.Unclaimed, new Dictionary<long, int> { [1] = 1, [2] = 5 }); // another instance took one place of north's
        Assert.Equal([2L], displaced.Select(r => r.Seq));
        plan.Place(displaced);

        Assert.Empty(plan.Unclaimed); // south was claimed already, with room to spare
        Assert.Equal([(1L, 1L), (2, 2), (3, 2)], plan.Placements.Select(p => (p.Request.Seq, p.WindowId)));
        Assert.Equal(new Dictionary<long, int> { [1] = 1, [2] = 2 }, plan.PlacesTaken);
    }

    [Fact]
    public void Settle_WindowHeldElsewhere_DroppedFromTheBatch_NoRoomLeftEndsThePass()
    {
        var plan = new BatchPlan([NorthMorning], NothingOfferedBefore);
        plan.Place([Request(1), Request(2)]);

        var displaced = plan.Settle(plan.Unclaimed, new Dictionary<long, int>()); // held by another instance
        plan.Place(displaced);

        Assert.Equal([1L, 2L], displaced.Select(r => r.Seq));
        Assert.Empty(plan.Placements);
        Assert.Empty(plan.Unclaimed);
        Assert.False(plan.AnyRoomLeft);
    }

    private static BookingRequest Request(long seq, params Preference[] preferences) =>
        new(seq, $"br_{seq}", RequestStatus.Queued, Channel.Web, HoldStart.OnOffer, "en-CA", new DateOnly(1950, 3, 23), null, null, null,
            "+14165550123", preferences, "seniors", null, 0, null, null, DateTimeOffset.UnixEpoch);
}
