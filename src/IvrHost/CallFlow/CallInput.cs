namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// What the caller did at a prompt: keys pressed (<c>#</c> alone when it was the only key), words
/// said (Twilio's transcript, turned into keys by the machine for the state it is in), or nothing
/// before the timeout.
/// </summary>
public sealed record CallInput(string? Keys, string? Speech = null)
{
    public static readonly CallInput None = new((string?)null);

    /// <summary>Nothing pressed and nothing said: silence.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Keys) && string.IsNullOrWhiteSpace(Speech);

    public static CallInput Of(string? keys) => string.IsNullOrEmpty(keys) ? None : new CallInput(keys);

    public static CallInput Said(string speech) => new(null, speech);
}

/// <summary>What the machine needs to know of the world for one step; no I/O behind it.</summary>
/// <param name="BackendDown">The scheduling backend is down (not merely degraded): booking waits for it.</param>
/// <param name="LineNumber">The line's own number (Twilio:PhoneNumber): said on calls we place and in texts.</param>
/// <param name="Incident">A supervisor's notice, announced after the welcome while set.</param>
/// <param name="Switches">The features a supervisor turned off (null: all on); the flow says what callers get instead.</param>
public sealed record CallContext(DateTimeOffset Now, DateOnly Today, bool BackendDown = false, string? LineNumber = null, string? Incident = null, LineSwitches? Switches = null)
{
    public bool IsOff(LineFeature feature) => Switches?.IsOff(feature) == true;
}
