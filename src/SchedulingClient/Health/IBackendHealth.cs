namespace PhoneBooking.SchedulingClient;

public enum BackendHealthState
{
    /// <summary>Full call flow.</summary>
    Healthy,

    /// <summary>Keep the flow; any failed step hands the caller to a person with what was collected.</summary>
    Degraded,

    /// <summary>Say so at once; offer a callback or the agent queue.</summary>
    Down,
}

/// <param name="Reason">Why, in words for logs and the agent console, e.g. "circuit breaker open after HTTP 503".</param>
/// <param name="Since">When <paramref name="State"/> was entered.</param>
public sealed record BackendHealthSnapshot(BackendHealthState State, string Reason, DateTimeOffset Since);

public sealed class BackendHealthChangedEventArgs(BackendHealthSnapshot previous, BackendHealthSnapshot current) : EventArgs
{
    public BackendHealthSnapshot Previous { get; } = previous;

    public BackendHealthSnapshot Current { get; } = current;
}

/// <summary>
/// How the scheduling backend looks from here, from the circuit breaker, the recent calls and a
/// periodic readiness probe. Reading it is one field read (no I/O, no lock): the phone line
/// checks it on every webhook.
/// </summary>
public interface IBackendHealth
{
    /// <summary>State, reason and since, read together (one immutable snapshot).</summary>
    BackendHealthSnapshot Current { get; }

    BackendHealthState State => Current.State;

    string Reason => Current.Reason;

    DateTimeOffset Since => Current.Since;

    /// <summary>Raised on every change of <see cref="State"/>, in order. Handlers must be quick and must not block.</summary>
    event EventHandler<BackendHealthChangedEventArgs>? Changed;
}
