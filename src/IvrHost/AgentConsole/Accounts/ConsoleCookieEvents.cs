using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>
/// Pages redirect to the sign-in page; the live-update stream and the page fragments the script
/// fetches answer 401 (a redirect would hand them a sign-in page as if it were a fragment).
/// A signed-in agent without the role gets 403, not a redirect. An account removed from
/// configuration, or whose role changed, is signed out at its next request.
/// </summary>
internal sealed class ConsoleCookieEvents(AgentDirectory directory) : CookieAuthenticationEvents
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

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (IsScriptRequest(context.Request))
        {
            return Task.CompletedTask;
        }

        // A page a person asked for: say why, and the way back (nothing here comes from the request).
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Not for your role · Agent console</title><link rel="stylesheet" href="/console/assets/console.css"></head>
            <body><main id="main"><h1>This page is for supervisors</h1><p>Your account cannot use it. <a href="/console">Back to waiting callers</a></p></main></body></html>
            """);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        if (directory.Find(name) is not { } account || !context.Principal!.IsInRole(account.Role))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AgentPrincipal.Scheme);
        }
    }

    private static bool IsScriptRequest(HttpRequest request) =>
        request.Path.StartsWithSegments(AgentConsoleEndpoints.EventsPath) || request.Headers.ContainsKey(FragmentHeader);
}
