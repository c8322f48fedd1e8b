using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Handoffs;

/// <summary>Where handed-over callers wait for agents: recorded by the call flow, worked by the agent console.</summary>
public interface IHandoffDesk
{
    /// <summary>Records the handoff of this call (once per call: a replayed webhook records nothing more).</summary>
    Task RecordAsync(CallSession session, CallState reachedFrom, CancellationToken cancellationToken);

    Task<Handoff?> GetAsync(string callSid, CancellationToken cancellationToken);

    /// <summary>Handoffs still to be worked (waiting, claimed, or waiting for a call back), oldest first.</summary>
    Task<IReadOnlyList<Handoff>> OpenAsync(CancellationToken cancellationToken);

    /// <summary>How many handoffs are open, by status (waiting, claimed, waiting for a call back): one aggregate on the status index.</summary>
    Task<IReadOnlyDictionary<HandoffStatus, int>> CountOpenAsync(CancellationToken cancellationToken);

    /// <summary>True for the one agent whose claim wins.</summary>
    Task<bool> ClaimAsync(string callSid, string agent, CancellationToken cancellationToken);

    /// <summary>The claim of <paramref name="agent"/> ends and the caller waits for anyone again; false when it was not theirs (any more).</summary>
    Task<bool> ReleaseAsync(string callSid, string agent, CancellationToken cancellationToken);

    Task CompleteAsync(string callSid, string agent, CancellationToken cancellationToken);

    /// <summary>
    /// The caller left the line before a person took the call: <see cref="HandoffStatus.CallbackRequested"/>
    /// or <see cref="HandoffStatus.Abandoned"/>. Only a waiting handoff moves; false otherwise.
    /// </summary>
    Task<bool> CallerLeftAsync(string callSid, HandoffStatus status, CancellationToken cancellationToken);
}
