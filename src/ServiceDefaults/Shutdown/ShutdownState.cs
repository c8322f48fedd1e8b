namespace PhoneBooking.ServiceDefaults.Shutdown;

/// <summary>Whether this process is shutting down, and how many requests (not health probes) it is serving now.</summary>
public sealed class ShutdownState
{
    private int _inFlight;
    private int _draining;

    /// <summary>Set at the first sign of shutdown (SIGTERM, Ctrl+C, <c>StopApplication</c>); readiness fails from then on.</summary>
    public bool IsDraining => Volatile.Read(ref _draining) == 1;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>True the first time only.</summary>
    internal bool StartDraining() => Interlocked.Exchange(ref _draining, 1) == 0;

    internal void RequestStarted() => Interlocked.Increment(ref _inFlight);

    internal void RequestEnded() => Interlocked.Decrement(ref _inFlight);
}
