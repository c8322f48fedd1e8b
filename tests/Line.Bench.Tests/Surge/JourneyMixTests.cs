using PhoneBooking.Line.Bench.Surge;

namespace PhoneBooking.Line.Bench.Tests.Surge;

public class JourneyMixTests
{
    [Fact]
    public void Next_TenThousandCallers_FollowLaunchDayShares()
    {
        var mix = new JourneyMix(seed: 16);

        var drawn = Enumerable.Range(0, 10_000).Select(_ => mix.Next()).ToList();

        // 10,000 draws: a share's standard error is at most 0.5 %, so 2 % is four of them.
        Assert.InRange(Share(drawn, JourneyKind.Booking), 0.68, 0.72);
        Assert.InRange(Share(drawn, JourneyKind.CheckAndCancel), 0.13, 0.17);
        Assert.InRange(Share(drawn, JourneyKind.GroupVisit), 0.04, 0.06);
        Assert.InRange(Share(drawn, JourneyKind.Person), 0.08, 0.12);
    }

    [Fact]
    public void Next_SameSeed_SameCallersCallForCall()
    {
        var first = new JourneyMix(seed: 7);
        var second = new JourneyMix(seed: 7);

        Assert.Equal(Enumerable.Range(0, 500).Select(_ => first.Next()), Enumerable.Range(0, 500).Select(_ => second.Next()));
    }

    [Fact]
    public void Next_ZeroWeight_NeverDrawn()
    {
        var mix = new JourneyMix(seed: 1, [(JourneyKind.Booking, 1), (JourneyKind.Person, 0)]);

        Assert.All(Enumerable.Range(0, 1_000).Select(_ => mix.Next()), kind => Assert.Equal(JourneyKind.Booking, kind));
    }

    [Fact]
    public void ShareOf_LaunchDay_IsTheIssuesShare()
    {
        var mix = new JourneyMix(seed: 1);

        Assert.Equal(0.70, mix.ShareOf(JourneyKind.Booking), 6);
        Assert.Equal(0.15, mix.ShareOf(JourneyKind.CheckAndCancel), 6);
        Assert.Equal(0.05, mix.ShareOf(JourneyKind.GroupVisit), 6);
        Assert.Equal(0.10, mix.ShareOf(JourneyKind.Person), 6);
    }

    [Fact]
    public void Constructor_NoWeightAtAll_Refused()
    {
        Assert.Throws<ArgumentException>(() => new JourneyMix(seed: 1, [(JourneyKind.Booking, 0)]));
    }

    private static double Share(List<JourneyKind> drawn, JourneyKind kind) => drawn.Count(k => k == kind) / (double)drawn.Count;
}
