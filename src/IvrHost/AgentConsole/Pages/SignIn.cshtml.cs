using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhoneBooking.IvrHost.AgentConsole.Accounts;

namespace PhoneBooking.IvrHost.AgentConsole.Pages;

public sealed class SignInModel(AgentSignIn signIn, ConsoleDisplay display) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Destination()) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 64 || string.IsNullOrEmpty(Password) || Password.Length > 256)
        {
            Error = "Enter your name and your password.";
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        switch (await signIn.TryAsync(Name, Password, SourceAddress.Of(HttpContext), cancellationToken))
        {
            case SignInAttempt.SignedIn signedIn:
                await HttpContext.SignInAsync(AgentPrincipal.Scheme, signedIn.Principal);
                return LocalRedirect(Destination());

            case SignInAttempt.LockedOut locked:
                Error = $"Too many failed attempts. Try again after {display.Time(locked.Until)}, or ask a supervisor.";
                Password = null;
                return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };

            default:
                Error = "That name and password do not match an account.";
                break;
        }

        Password = null;
        return Page();
    }

    /// <summary>Back where the agent was going, but only within the console: never an open redirect.</summary>
    private string Destination() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(AgentConsoleServiceCollectionExtensions.PathBase + "/", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            ? url
            : AgentConsoleServiceCollectionExtensions.PathBase;
}
