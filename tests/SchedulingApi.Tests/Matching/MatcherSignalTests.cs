using PhoneBooking.SchedulingApi.Matching;

namespace PhoneBooking.SchedulingApi.Tests.Matching;

public sealed class MatcherSignalTests
{
    [Fact]
    public void Wake_AfterTheHostDisposedTheSignal_IsIgnored()
    {
        // The matcher's tick runs on a timer thread and can fire while the container disposes the signal
        // at shutdown; an exception there would crash the whole process (it did, in a full test run).
        var signal = new MatcherSignal();
        signal.Dispose();

        var error = Record.Exception(signal.Wake);

        Assert.Null(error);
    }

    [Fact]
    public async Task Wake_Twice_CoalescesIntoOnePass()
    {
        using var signal = new MatcherSignal();

        signal.Wake();
        signal.Wake();

        using var stop = new CancellationTokenSource();
        await signal.WaitAsync(stop.Token);
        var second = signal.WaitAsync(stop.Token);

        Assert.False(second.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
    }
}
