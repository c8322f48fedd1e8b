using System.Security.Claims;

namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>What the sign-in cookie carries: the account name, its role, the name to show and the server-side session id. No secrets.</summary>
public static class AgentPrincipal
{
    public const string Scheme = "AgentConsole";

    private const string DisplayNameClaim = "display_name";
    private const string SessionClaim = "sid";

    public static ClaimsPrincipal For(AgentAccount account, string sessionId) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, account.Name),
            new Claim(ClaimTypes.Role, account.Role),
            new Claim(DisplayNameClaim, account.Shown),
            new Claim(SessionClaim, sessionId),
        ],
        Scheme,
        ClaimTypes.Name,
        ClaimTypes.Role));

    public static string AgentName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("The console page was reached without a signed-in agent.");

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(DisplayNameClaim) ?? user.AgentName();

    public static bool IsSupervisor(this ClaimsPrincipal user) => user.IsInRole(AgentRoles.Supervisor);

    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirstValue(SessionClaim);
}
