using PhoneBooking.Line.Bench.Surge;

namespace PhoneBooking.Line.Bench.Tests.Surge;

public class SurgeScheduleTests
{
    [Fact]
    public void Phases_LaunchDayRamp_EachHoldsItsMultipleOfCapacityOneAfterAnother()
    {
        var schedule = new SurgeSchedule(4, [1, 2, 5, 10], TimeSpan.FromSeconds(15));

        Assert.Equal([4.0, 8, 20, 40], schedule.Phases.Select(p => p.CallsPerSecond));
        Assert.Equal([0.0, 15, 30, 45], schedule.Phases.Select(p => p.Start.TotalSeconds));
        Assert.Equal([60, 120, 300, 600], schedule.Phases.Select(p => p.Calls));
        Assert.Equal(TimeSpan.FromSeconds(60), schedule.Length);
        Assert.Equal(1_080, schedule.TotalCalls);
    }

    [Fact]
    public void Arrivals_EvenlySpacedInsideTheirPhase_InDiallingOrderWithOneSequence()
    {
        var schedule = new SurgeSchedule(2, [1, 3], TimeSpan.FromSeconds(2));

        var arrivals = schedule.Arrivals().ToList();

        Assert.Equal([0.0, 0.5, 1.0, 1.5], arrivals.Where(a => a.Phase.Index == 0).Select(a => a.At.TotalSeconds));
        var second = arrivals.Where(a => a.Phase.Index == 1).Select(a => a.At.TotalSeconds).ToList();
        Assert.Equal(12, second.Count);
        Assert.Equal(2.0, second[0], 6);
        Assert.Equal(2.0 + (11 / 6.0), second[^1], 6);
        Assert.True(second[^1] < schedule.Length.TotalSeconds);
        Assert.Equal(Enumerable.Range(0, 16), arrivals.Select(a => a.Sequence));
        Assert.Equal(arrivals.OrderBy(a => a.At).Select(a => a.Sequence), arrivals.Select(a => a.Sequence));
    }

    [Fact]
    public void Calls_RateTooLowForOneInTheHold_StillOffersOne()
    {
        var schedule = new SurgeSchedule(0.01, [1], TimeSpan.FromSeconds(10));

        Assert.Equal(1, schedule.TotalCalls);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(2, 0)]
    [InlineData(2, -1)]
    public void Constructor_NothingToRamp_RefusedWithTheValues(double capacity, double multiple)
    {
        var error = Assert.Throws<ArgumentException>(() => new SurgeSchedule(capacity, [multiple], TimeSpan.FromSeconds(10)));

        Assert.Contains(multiple.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
