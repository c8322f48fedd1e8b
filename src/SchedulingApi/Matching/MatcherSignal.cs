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
        catch (ObjectDisposedException)
        {
            // The host is shutting down (a tick or a last request raced the container's dispose): there is no
            // matcher left to wake, and an exception on a timer thread would take the whole process down.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _pending.WaitAsync(cancellationToken);

    public void Dispose() => _pending.Dispose();
}
