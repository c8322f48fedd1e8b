namespace PhoneBooking.IvrHost.Admission;

/// <summary>
/// A count read from the shared store at most once per <c>refresh</c> (one reader at a time; the others take
/// the last value), plus what this instance added since: the door knows the line's figures without a
/// database read per new call.
/// </summary>
internal sealed class SharedCount(Func<CancellationToken, Task<int>> read, TimeProvider clock)
{
    private Sample? _last;
    private int _reading;
    private int _addedSince;

    public async ValueTask<int> CurrentAsync(TimeSpan refresh, CancellationToken ct)
    {
        var last = Volatile.Read(ref _last);
        var stale = last is null || clock.GetElapsedTime(last.At) >= refresh;
        var owner = stale && Interlocked.CompareExchange(ref _reading, 1, 0) == 0;
        if (owner || last is null)
        {
            try
            {
                var at = clock.GetTimestamp();
                var added = Volatile.Read(ref _addedSince);
                var value = await read(ct);
                Interlocked.Add(ref _addedSince, -added);
                Volatile.Write(ref _last, last = new Sample(value, at));
            }
            finally
            {
                if (owner)
                {
                    Volatile.Write(ref _reading, 0);
                }
            }
        }

        return last!.Value + Volatile.Read(ref _addedSince);
    }

    /// <summary>This instance just added one (an admitted call) that the next read will include.</summary>
    public void Added() => Interlocked.Increment(ref _addedSince);

    private sealed record Sample(int Value, long At);
}
