using PhoneBooking.IvrHost.AgentConsole.Accounts;

namespace PhoneBooking.IvrHost.AgentConsole;

/// <summary>Section <c>AgentConsole</c>: who may sign in, and how the console paces itself.</summary>
public sealed class AgentConsoleOptions
{
    public const string SectionName = "AgentConsole";

    /// <summary>Agent and supervisor accounts (passwords as PasswordHasher v3 hashes, never in plain text).</summary>
    public List<AgentAccount> Accounts { get; set; } = [];

    /// <summary>How often the server looks for changes to push to open consoles (other instances write too).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How stale the incident message a call hears may be on an instance other than the supervisor's.</summary>
    public TimeSpan IncidentCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failed sign-ins in a row before an account name is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>The first lock; each further failure doubles it, up to <see cref="MaxLockout"/>.</summary>
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a sign-in lasts without activity (a shift).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
