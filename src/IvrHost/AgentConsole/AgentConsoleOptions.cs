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

    /// <summary>How often every instance reads the switches: a switch set on one instance applies on the others within this.</summary>
    public TimeSpan SwitchRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed sign-ins from one address, or for one account, before the next must wait.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>An address's first wait; each further failure from it doubles it, up to <see cref="MaxLockout"/>.</summary>
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// An account's wait once guessed at from anywhere: short, because the agent may be the one who waits.
    /// It bounds guessing spread over many addresses to one guess per this long; a supervisor can clear it.
    /// </summary>
    public TimeSpan AccountMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A claimed caller nobody acted on for this long goes back to the queue (a supervisor can release one sooner).</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Views of callers' details are audited once per agent, page and call in this time (live updates refetch often).</summary>
    public TimeSpan ViewAuditInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The TLS proxies in front of the line (IP addresses, or networks as 10.0.0.0/8): only their
    /// X-Forwarded-For and X-Forwarded-Proto are believed. Empty: none is, and the peer is the source.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>How long a sign-in lasts without activity (a shift).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
