namespace PhoneBooking.IvrHost.AgentConsole.Audit;

/// <summary>What the audit records agents doing (the <c>action</c> column).</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string Claim = "claim";
    public const string Connect = "connect";
    public const string Book = "book";
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string Finish = "finish";
    public const string IncidentSet = "incident-set";
    public const string IncidentClear = "incident-clear";

    /// <summary>A supervisor turned a feature off or back on (reference: the feature, e.g. <c>new_bookings</c>).</summary>
    public const string SwitchOff = "switch-off";
    public const string SwitchOn = "switch-on";

    /// <summary>Saw callers' details (reference: which page).</summary>
    public const string View = "view";

    /// <summary>A supervisor cleared an agent's sign-in wait (reference: the account).</summary>
    public const string Unlock = "unlock";

    /// <summary>A supervisor ended every session of an account (reference: the account).</summary>
    public const string SignOutEverywhere = "sign-out-everywhere";

    /// <summary>A claim went back to the queue: a supervisor released it, or it expired (agent "(line)").</summary>
    public const string Release = "release";

    /// <summary>A page or action the account's role may not use.</summary>
    public const string Forbidden = "forbidden";
}

/// <summary>How an action ended (the <c>outcome</c> column): a word, never a value the caller gave.</summary>
public static class AuditOutcomes
{
    public const string Ok = "ok";
    public const string Failed = "failed";
    public const string Locked = "locked";
    public const string Lost = "lost";
    public const string Pending = "pending";
    public const string Refused = "refused";

    /// <summary>A claim nobody acted on ran out.</summary>
    public const string Expired = "expired";
}
