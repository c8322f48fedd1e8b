namespace PhoneBooking.IvrHost.Sessions;

public enum CallSessionStatus
{
    /// <summary>The call is (as far as we know) still on the line.</summary>
    Active,

    /// <summary>Twilio reported the call ended; kept for resuming and support until the retention passes.</summary>
    Completed,
}

/// <summary>
/// One call's stored session. <see cref="Payload"/> is opaque to the store (the call flow's
/// serialized state); the other fields are what the store itself needs to query on.
/// </summary>
/// <param name="CallSid">Twilio's id of the call: the key.</param>
/// <param name="Payload">The serialized session (JSON).</param>
public sealed record CallSessionRecord(string CallSid, string Payload)
{
    /// <summary>Set by the store: 1 on insert, +1 on every update. Writes name the version they read.</summary>
    public long Version { get; init; }

    /// <summary>HMAC of the caller's number (<see cref="CallerKeys"/>): recognises a returning caller without storing the number.</summary>
    public string? CallerKey { get; init; }

    public CallSessionStatus Status { get; init; } = CallSessionStatus.Active;

    /// <summary>The caller left something unfinished (a request, an open offer) that a later call may continue.</summary>
    public bool Resumable { get; init; }

    /// <summary>Set by the store from its clock; ignored on writes.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set by the store from its clock on every write; ignored on writes.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
