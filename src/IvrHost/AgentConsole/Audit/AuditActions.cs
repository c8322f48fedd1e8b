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
}
