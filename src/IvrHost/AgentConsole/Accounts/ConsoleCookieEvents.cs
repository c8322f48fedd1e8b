using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PhoneBooking.IvrHost.AgentConsole.Audit;

namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>
/// Pages redirect to the sign-in page; the live-update stream and the page fragments the script
/// fetches answer 401 (a redirect would hand them a sign-in page as if it were a fragment).
/// A signed-in agent without the role gets 403 (audited), not a redirect. A cookie whose server-side
/// session has ended (signed out, or signed out everywhere by a supervisor), or whose account was
/// removed from configuration or changed role, is refused and cleared at its next request.
/// </summary>
internal sealed class ConsoleCookieEvents(AgentDirectory directory, ConsoleSessions sessions, AuditTrail audit) : CookieAuthenticationEvents
{
    public const string FragmentHeader = "X-Console-Fragment";

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsScriptRequest(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return base.RedirectToLogin(context);
    }

    public override async Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await audit.RecordAsync(context.HttpContext.User.Identity?.Name ?? AuditTrail.UnknownAgent, AuditActions.Forbidden, null, AuditOutcomes.Refused, context.Request.Path.Value, context.HttpContext.RequestAborted);
        if (IsScriptRequest(context.Request))
        {
            return;
        }

        // A page a person asked for: say why, and the way back (nothing here comes from the request).
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Not for your role · Agent console</title><link rel="stylesheet" href="/console/assets/console.css"></head>
            <body><main id="main"><h1>This page is for supervisors</h1><p>Your account cannot use it. <a href="/console">Back to waiting callers</a></p></main></body></html>
            """);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        if (directory.Find(name) is not { } account || !context.Principal!.IsInRole(account.Role)
            || !await sessions.IsOpenAsync(context.Principal.SessionId(), account.Name, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AgentPrincipal.Scheme);
        }
    }

    private static bool IsScriptRequest(HttpRequest request) =>
        request.Path.StartsWithSegments(AgentConsoleEndpoints.EventsPath) || request.Headers.ContainsKey(FragmentHeader);
}
