using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.AgentConsole.Board;
using PhoneBooking.IvrHost.AgentConsole.Incidents;

namespace PhoneBooking.IvrHost.AgentConsole.Pages;

/// <summary>Supervisors: the incident message, backend health, queue length and waits, recent actions.</summary>
public sealed class SupervisorModel(BoardReader reader, StoredIncidentBoard incidents, AuditTrail audit, BoardWatcher watcher) : PageModel
{
    public const int RecentActions = 25;

    public ConsoleBoard Board { get; private set; } = null!;

    public IncidentNotice? Notice { get; private set; }

    public IReadOnlyList<AuditEntry> Recent { get; private set; } = [];

    [BindProperty]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Message = Board.Incident;
    }

    public async Task<IActionResult> OnGetStatsAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_Stats", this);
    }

    public async Task<IActionResult> OnPostSetAsync(CancellationToken cancellationToken)
    {
        var message = Message?.Trim();
        Error = message switch
        {
            null or "" => "Type the message callers should hear, or use “Clear the message”.",
            { Length: > StoredIncidentBoard.MaxLength } => $"The message is {message.Length} characters; keep it to {StoredIncidentBoard.MaxLength} (about 20 seconds of speech).",
            _ when message.Any(char.IsControl) => "Write the message on one line.",
            _ => null,
        };
        if (Error is not null)
        {
            await LoadAsync(cancellationToken);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        await incidents.SetAsync(message, User.AgentName(), cancellationToken);
        return await DoneAsync("Incident message set: new calls hear it after the welcome.", cancellationToken);
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken cancellationToken)
    {
        await incidents.SetAsync(null, User.AgentName(), cancellationToken);
        return await DoneAsync("Incident message cleared.", cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(string message, CancellationToken cancellationToken)
    {
        await watcher.CheckAsync(cancellationToken);
        TempData["Flash"] = message;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Board = await reader.ReadAsync(cancellationToken);
        Notice = incidents.Notice;
        Recent = await audit.RecentAsync(RecentActions, cancellationToken);
    }
}
