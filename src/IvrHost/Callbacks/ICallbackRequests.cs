using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>
/// The durable outbound queue's front door: what the call flow (and the deferred submitter, and the
/// agent queue) promised to call back, and what became of it — for the agent console and supervisors.
/// </summary>
public interface ICallbackRequests
{
    /// <summary>
    /// Saves once per id (a replay returns <see cref="Saved"/> without a second row). An offer callback
    /// for a request that already has one still to be made updates that one's number and language instead,
    /// so one request is never called twice.
    /// </summary>
    Task<Saved> SaveAsync(CallbackRequest request, CancellationToken cancellationToken);

    /// <summary>Callbacks with their attempts, most urgent first (open ones by when they are due, finished ones newest first).</summary>
    Task<IReadOnlyList<CallbackRecord>> ListAsync(CallbackFilter filter, int limit, CancellationToken cancellationToken);

    Task<CallbackRecord?> GetAsync(string id, CancellationToken cancellationToken);
}

public enum CallbackFilter
{
    /// <summary>Still to be made: waiting for an offer, scheduled, or being dialled.</summary>
    Open,

    /// <summary>Answered, message left, given up or closed.</summary>
    Finished,

    /// <summary>Refused by the toll-fraud guard: for supervisors.</summary>
    Refused,

    All,
}

/// <summary>Where a callback stands, as the console shows it.</summary>
public enum CallbackStatus
{
    /// <summary>An offer callback whose request has no offer yet (the API's event feed will say).</summary>
    WaitingForOffer,

    /// <summary>Due at <see cref="CallbackRecord.NextAttemptAt"/> (a retry, a reminder day, calling hours, agents busy).</summary>
    Scheduled,

    /// <summary>A dialer holds it: the call is being placed.</summary>
    Dialling,

    /// <summary>The call is placed; Twilio's status callbacks will tell how it went.</summary>
    Calling,

    /// <summary>No answer after every retry: the final text message is being sent.</summary>
    Notifying,

    Answered,
    Voicemail,
    GaveUp,
    Refused,

    /// <summary>Nothing left to call about: the request was booked, closed or cancelled.</summary>
    Closed,
}

/// <summary>
/// One callback and its attempts. Holds the phone number (agents call people back): shown to
/// signed-in agents only, never logged.
/// </summary>
public sealed record CallbackRecord(
    CallbackRequest Request,
    CallbackStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    string? Outcome,
    IReadOnlyList<CallbackAttempt> Attempts)
{
    /// <summary>Why the toll-fraud guard refused the number (or the last reason a call was put off), when it did.</summary>
    public string? RefusalReason => Status == CallbackStatus.Refused ? Outcome : null;
}

/// <param name="State">claimed, dialling, queued, initiated, ringing, in-progress, completed, busy, no-answer, failed, canceled, abandoned, not-placed, rejected, lost.</param>
/// <param name="AnsweredBy">Twilio's answering-machine detection: human, machine_start, machine_end_beep…, fax, unknown.</param>
/// <param name="Route">What the line did once answered: <c>flow</c> (a person) or <c>voicemail</c>.</param>
public sealed record CallbackAttempt(
    int Number,
    string State,
    string? CallSid,
    string? AnsweredBy,
    string? Route,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
