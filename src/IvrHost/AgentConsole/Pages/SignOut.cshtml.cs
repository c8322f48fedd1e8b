using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Audit;

namespace PhoneBooking.IvrHost.AgentConsole.Pages;

/// <summary>Ends the session on the server (the cookie is then worthless, wherever a copy of it is) and clears the cookie.</summary>
public sealed class SignOutModel(AuditTrail audit, ConsoleSessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect(AgentConsoleServiceCollectionExtensions.PathBase);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sessions.EndAsync(User.SessionId(), cancellationToken);
        await audit.RecordAsync(User.AgentName(), AuditActions.SignOut, null, AuditOutcomes.Ok, cancellationToken: cancellationToken);
        await HttpContext.SignOutAsync(AgentPrincipal.Scheme);
        return Redirect($"{AgentConsoleServiceCollectionExtensions.PathBase}/sign-in");
    }
}
