namespace PhoneBooking.SchedulingApi.Matching;

/// <summary>Wakes the background matcher: a new request, a released place, or the periodic tick. Wake-ups coalesce.</summary>
public sealed class MatcherSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Wake()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one pass will see everything.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _pending.WaitAsync(cancellationToken);

    public void Dispose() => _pending.Dispose();
}
