using PhoneBooking.Line.Bench.Surge;

namespace PhoneBooking.Line.Bench.Tests.Surge;

public class PhaseReportTests
{
    private static readonly SurgePhase TwoTimes = new(1, 2, 8, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));

    [Fact]
    public void Counts_MixedCalls_EachCountedWhereItBelongs()
    {
        var report = new PhaseReport(TwoTimes, [Booked(), Booked(), HandedOffMidFlow(), DeferredAndQueued(), Person()], LineCounts.None);

        Assert.Equal(5, report.Offered);
        Assert.Equal(4, report.Admitted);
        Assert.Equal(1, report.Deferred);
        Assert.Equal(1, report.CallbackQueued);
        Assert.Equal(3, report.Finished);
        Assert.Equal(2, report.Booked);
        Assert.Equal(2, report.HandedOff);
        Assert.Equal(0.75, report.FinishedShare);
    }

    [Fact]
    public void Unfinished_AdmittedCallsThatStopped_ByStepMostCommonFirst()
    {
        var atOffer = HandedOffMidFlow() with { StoppedAt = "line 13: expect \"We have a time for you\"" };
        var atCode = HandedOffMidFlow() with { StoppedAt = "line 16: expect \"Your confirmation code is\"" };

        var report = new PhaseReport(TwoTimes, [Booked(), atOffer, atOffer, atCode, DeferredAndQueued()], LineCounts.None);

        Assert.Equal([("line 13: expect \"We have a time for you\"", 2), ("line 16: expect \"Your confirmation code is\"", 1)], report.Unfinished());
    }

    [Fact]
    public void Goals_AllWell_AllPass()
    {
        var report = new PhaseReport(TwoTimes, [.. Enumerable.Repeat(Booked(), 99), DeferredAndQueued()], LineCounts.None);

        Assert.All(report.Goals(), goal => Assert.True(goal.Passed, goal.ToString()));
    }

    [Fact]
    public void Goals_OneAdmittedCallInAHundredFails_StillMeetsNinetyNinePercent()
    {
        var report = new PhaseReport(TwoTimes, [.. Enumerable.Repeat(Booked(), 99), HandedOffMidFlow()], LineCounts.None);

        Assert.True(report.Goals()[0].Passed);
        Assert.Contains("99 of 100", report.Goals()[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Goals_TwoInAHundredFail_FinishGoalFails()
    {
        var report = new PhaseReport(TwoTimes, [.. Enumerable.Repeat(Booked(), 98), HandedOffMidFlow(), HandedOffMidFlow()], LineCounts.None);

        Assert.False(report.Goals()[0].Passed);
    }

    [Fact]
    public void Goals_DeferredWithoutACallback_Fails()
    {
        var unqueued = new CallOutcome(JourneyKind.Booking, Deferred: true, CallbackOffered: true, CallbackQueued: false, false, false, false, [Ok(40)]);

        var report = new PhaseReport(TwoTimes, [Booked(), DeferredAndQueued(), unqueued], LineCounts.None);

        var goal = report.Goals()[1];
        Assert.False(goal.Passed);
        Assert.Contains("1 of 2 queued", goal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Goals_LineCountedItsShedCalls_QuotedBesideTheCallersCount()
    {
        var report = new PhaseReport(TwoTimes, [Booked(), DeferredAndQueued(), DeferredAndQueued()], new LineCounts(Admitted: 1, Shed: 2));

        Assert.EndsWith("2 of 2 queued (2 offered); the line counted 2 shed", report.Goals()[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Goals_A5xxASlowWebhookAndATimeout_EachFailsItsGoal()
    {
        var bad = new CallOutcome(JourneyKind.Booking, false, false, false, Finished: false, false, false,
            [new WebhookFigure(30, 500, false), new WebhookFigure(2_400, 200, false), new WebhookFigure(15_000, null, true)]);

        var report = new PhaseReport(TwoTimes, [Booked(), bad], LineCounts.None);

        Assert.Equal(1, report.ServerErrors);
        Assert.Equal(1, report.TimedOut);
        Assert.Equal(2, report.SlowWebhooks);
        Assert.False(report.Goals()[2].Passed);
        Assert.False(report.Goals()[3].Passed);
    }

    [Fact]
    public void Latency_OnlyWebhooksThatGotAnAnswer()
    {
        var timedOut = new CallOutcome(JourneyKind.Booking, false, false, false, false, false, false, [new WebhookFigure(15_000, null, true)]);

        var report = new PhaseReport(TwoTimes, [Booked(), timedOut], LineCounts.None);

        Assert.Equal(3, report.Latency.Count);
        Assert.Equal(100, report.Latency.Percentile(1));
    }

    [Fact]
    public void ToString_LineWithoutAdmissionCounters_SaysNotApplicable()
    {
        var text = new PhaseReport(TwoTimes, [Booked()], new LineCounts(Admitted: null, Shed: null)).ToString();

        Assert.Contains("admitted n/a, shed n/a", text, StringComparison.Ordinal);
    }

    private static WebhookFigure Ok(double milliseconds) => new(milliseconds, 200, false);

    private static CallOutcome Booked() => new(JourneyKind.Booking, false, false, false, Finished: true, Booked: true, HandedOff: false, [Ok(10), Ok(20), Ok(100)]);

    private static CallOutcome Person() => new(JourneyKind.Person, false, false, false, Finished: true, Booked: false, HandedOff: true, [Ok(10)]);

    private static CallOutcome HandedOffMidFlow() => new(JourneyKind.Booking, false, false, false, Finished: false, Booked: false, HandedOff: true, [Ok(10)]);

    private static CallOutcome DeferredAndQueued() => new(JourneyKind.Booking, Deferred: true, CallbackOffered: true, CallbackQueued: true, false, false, false, [Ok(10)]);
}
