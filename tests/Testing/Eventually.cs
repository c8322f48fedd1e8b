namespace PhoneBooking.Testing;

/// <summary>
/// Waiting for work that runs on its own (a background service, a timer's continuation), bounded in
/// real time: never a fixed sleep standing in for a clock the test controls.
/// </summary>
public static class Eventually
{
    /// <summary>Generous on purpose: it bounds a wait that normally ends in milliseconds, but CI may share 2 cores with a build.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="condition"/> until it holds; throws after <see cref="Limit"/> of real time.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var since = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(since) > Limit)
            {
                throw new TimeoutException($"Still not true after {Limit.TotalSeconds:0} s: {what}.");
            }

            await Task.Delay(15);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what) => HoldsAsync(() => Task.FromResult(condition()), what);

    /// <summary>
    /// Moves the manual clock in small steps, letting real work run between steps, until
    /// <paramref name="done"/> holds or the clock has moved <paramref name="limit"/>; then waits
    /// (bounded, real time) for what already fell due. Returns how far the clock moved. Used where
    /// a timer is armed asynchronously (a retry delay after a response), so one jump could miss it.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(this ManualTimeProvider clock, Func<bool> done, TimeSpan step, TimeSpan limit)
    {
        var moved = TimeSpan.Zero;
        while (!done() && moved < limit)
        {
            // Real time for the continuations a fired timer scheduled to reach the network.
            await Task.Delay(15);
            if (done())
            {
                break;
            }

            clock.Advance(step);
            moved += step;
        }

        var waitedSince = TimeProvider.System.GetTimestamp();
        while (!done())
        {
            if (TimeProvider.System.GetElapsedTime(waitedSince) > Limit)
            {
                throw new TimeoutException($"Condition still false {Limit.TotalSeconds:0} s after moving the clock {moved}.");
            }

            await Task.Delay(15);
        }

        return moved;
    }
}
