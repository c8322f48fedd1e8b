namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// What the caller did at a prompt: keys pressed (speech is turned into keys before the machine
/// sees it), or nothing before the timeout.
/// </summary>
public sealed record CallInput(string? Keys)
{
    public static readonly CallInput None = new((string?)null);

    public bool IsEmpty => string.IsNullOrEmpty(Keys);

    public static CallInput Of(string? keys) => string.IsNullOrEmpty(keys) ? None : new CallInput(keys);
}

/// <summary>What the machine needs to know of the world for one step; no I/O behind it.</summary>
/// <param name="BackendDown">The scheduling backend is down (not merely degraded): booking waits for it.</param>
public sealed record CallContext(DateTimeOffset Now, DateOnly Today, bool BackendDown = false);
