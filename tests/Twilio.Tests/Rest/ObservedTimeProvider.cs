using System.Threading.Channels;
using PhoneBooking.Testing;

namespace PhoneBooking.Twilio.Tests.Rest;

/// <summary>
/// A ManualTimeProvider that also reports each timer as it is created, so a test advances the clock
/// only once the retry delay is actually waiting (no race with the code under test). Timers created
/// unarmed are not reported: they are a CancellationTokenSource's, armed later by CancelAfter (Polly's
/// pooled sources for the request timeout), not delays.
/// </summary>
public sealed class ObservedTimeProvider(ManualTimeProvider clock) : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public ManualTimeProvider Clock { get; } = clock;

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => Clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Clock.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The due time of the next timer created (bounded by real time, as a guard only).</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _timers.Reader.ReadAsync(guard.Token);
    }
}
