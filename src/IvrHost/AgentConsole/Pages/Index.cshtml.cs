using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.AgentConsole.Board;
using PhoneBooking.IvrHost.AgentConsole.Calls;

namespace PhoneBooking.IvrHost.AgentConsole.Pages;

/// <summary>The board: callers waiting for a person, callback requests, bookings saved while booking was down. It shows callers' details: each view is audited.</summary>
public sealed class IndexModel(BoardReader reader, AgentCalls calls, BoardWatcher watcher, AuditTrail audit) : PageModel
{
    public ConsoleBoard Board { get; private set; } = null!;

    public string Agent => User.AgentName();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await calls.ReleaseStaleClaimsAsync(cancellationToken);
        Board = await reader.ReadAsync(cancellationToken);
        await audit.ViewedAsync(Agent, "board", null, cancellationToken);
    }

    /// <summary>The board alone, for the live update.</summary>
    public async Task<IActionResult> OnGetBoardAsync(CancellationToken cancellationToken)
    {
        Board = await reader.ReadAsync(cancellationToken);
        await audit.ViewedAsync(Agent, "board", null, cancellationToken);
        return Partial("_Board", this);
    }

    public async Task<IActionResult> OnPostClaimAsync([FromForm] string? callSid, CancellationToken cancellationToken)
    {
        if (!CallSids.IsValid(callSid))
        {
            return BadRequest();
        }

        var won = await calls.ClaimAsync(callSid, Agent, cancellationToken);
        await watcher.CheckAsync(cancellationToken);
        if (won)
        {
            return Redirect(CallSids.PagePath(callSid));
        }

        TempData["Flash"] = "Another agent claimed that caller first.";
        return RedirectToPage();
    }
}
