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
        return Task.CompletedTask;
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
