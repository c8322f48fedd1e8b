namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>The console's roles and the authorization policies built on them.</summary>
public static class AgentRoles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";

    /// <summary>Anyone signed in to the console (agents and supervisors).</summary>
    public const string AgentPolicy = "AgentConsole.Agent";

    public const string SupervisorPolicy = "AgentConsole.Supervisor";

    public static bool IsKnown(string? role) => role is Agent or Supervisor;
}
