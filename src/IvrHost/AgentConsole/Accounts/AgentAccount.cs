namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>One console account from configuration (<c>AgentConsole:Accounts</c>).</summary>
public sealed class AgentAccount
{
    /// <summary>The sign-in name (letters, digits, '.', '_', '-'); also what the audit records.</summary>
    public string Name { get; set; } = "";

    /// <summary>Shown in the console's header; the name when unset.</summary>
    public string? DisplayName { get; set; }

    /// <summary><c>Agent</c> or <c>Supervisor</c> (a supervisor can do everything an agent can).</summary>
    public string Role { get; set; } = AgentRoles.Agent;

    /// <summary>ASP.NET Core Identity's PasswordHasher v3 format (PBKDF2); see docs/agent-console.md for the command.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>E.164 number a claimed caller is put through to.</summary>
    public string? Phone { get; set; }

    /// <summary>SIP address (<c>sip:agent@pbx.example.org</c>) a claimed caller is put through to; wins over <see cref="Phone"/>.</summary>
    public string? SipAddress { get; set; }

    public string Shown => string.IsNullOrWhiteSpace(DisplayName) ? Name : DisplayName;

    public bool CanTakeCalls => !string.IsNullOrWhiteSpace(Phone) || !string.IsNullOrWhiteSpace(SipAddress);
}
