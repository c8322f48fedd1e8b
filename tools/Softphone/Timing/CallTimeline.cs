namespace PhoneBooking.Softphone.Timing;

/// <summary>
/// The clock of one call. Real time for a person at the keyboard; virtual time for scripted calls, where
/// pauses, silences and prompts cost nothing but are still counted, so 1,000 scripted calls can run at once
/// without sleeping. Both include the real time spent waiting on the line's webhooks.
/// </summary>
public abstract class CallTimeline
{
    private readonly Lock _gate = new();
    private TimeSpan _skipped;

    protected CallTimeline(TimeProvider time)
    {
        Time = time;
        Started = time.GetUtcNow();
    }

    protected TimeProvider Time { get; }

    public DateTimeOffset Started { get; }

    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return Time.GetUtcNow() + _skipped;
            }
        }
    }

    public TimeSpan Elapsed => Now - Started;

    /// <summary>Time that passes on the line with nothing happening: a Pause, a Gather waiting for input, a ringing phone.</summary>
    public abstract ValueTask WaitAsync(TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Time a text takes to be spoken. Printed text needs no waiting; a script still counts it.</summary>
    public abstract void Speak(TimeSpan duration);

    /// <summary>
    /// Between two rounds of hold music: the wait loop must never spin, and a dequeue or redirect from
    /// outside (real time) has to get a chance to land.
    /// </summary>
    public async ValueTask PaceHoldAsync(TimeSpan pacing, CancellationToken cancellationToken) =>
        await Task.Delay(pacing, Time, cancellationToken);

    protected void Skip(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        lock (_gate)
        {
            _skipped += duration;
        }
    }
}

/// <summary>Waits really pass: for a person at the keyboard.</summary>
public sealed class RealTimeline(TimeProvider time) : CallTimeline(time)
{
    public override async ValueTask WaitAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (duration > TimeSpan.Zero)
        {
            await Task.Delay(duration, Time, cancellationToken);
        }
    }

    public override void Speak(TimeSpan duration)
    {
    }
}

/// <summary>Waits are counted, not slept: for scripts, tests and load runs.</summary>
public sealed class VirtualTimeline(TimeProvider time) : CallTimeline(time)
{
    public override ValueTask WaitAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Skip(duration);
        return ValueTask.CompletedTask;
    }

    public override void Speak(TimeSpan duration) => Skip(duration);
}
