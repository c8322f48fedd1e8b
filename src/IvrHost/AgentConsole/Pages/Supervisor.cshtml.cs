using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.AgentConsole.Board;
using PhoneBooking.IvrHost.AgentConsole.Calls;
using PhoneBooking.IvrHost.AgentConsole.Incidents;
using PhoneBooking.IvrHost.AgentConsole.Switches;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;

namespace PhoneBooking.IvrHost.AgentConsole.Pages;

/// <summary>
/// Supervisors: the incident message, the switches of failing features, backend health, queue length and waits, recent actions (with
/// their source address); agents whose sign-in must wait (unlock, or sign out everywhere); callers
/// claimed by an agent (release back to the queue).
/// </summary>
public sealed class SupervisorModel(
    BoardReader reader,
    StoredIncidentBoard incidents,
    StoredSwitchBoard switches,
    AuditTrail audit,
    BoardWatcher watcher,
    SignInThrottle throttle,
    ConsoleSessions sessions,
    AgentDirectory directory,
    AgentCalls calls) : PageModel
{
    public const int RecentActions = 25;

    public ConsoleBoard Board { get; private set; } = null!;

    public IncidentNotice? Notice { get; private set; }

    public IReadOnlyList<(LineFeature Feature, SwitchState? State)> Switches => switches.All;

    public IReadOnlyList<AuditEntry> Recent { get; private set; } = [];

    public IReadOnlyList<WaitingAccount> Waiting { get; private set; } = [];

    public IReadOnlyList<WaitingCaller> Claimed => [.. Board.Callers.Where(c => c.Handoff.Status == HandoffStatus.Claimed)];

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

    /// <summary>Turns a failing feature off, or back on, for every instance (docs/operations.md, "Switches").</summary>
    public async Task<IActionResult> OnPostSwitchAsync([FromForm] string? feature, [FromForm] string? state, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<LineFeature>(feature, ignoreCase: false, out var known) || !Enum.IsDefined(known) || state is not ("off" or "on"))
        {
            return BadRequest();
        }

        var off = state == "off";
        await switches.SetAsync(known, off, User.AgentName(), cancellationToken);
        return await DoneAsync($"{SwitchNames.Of(known)}: {(off ? "off. Callers hear that it is paused" : "on again")}, on every line within seconds.", cancellationToken);
    }

    /// <summary>Clears an agent's sign-in wait (and their desk's, if their own attempts caused it).</summary>
    public async Task<IActionResult> OnPostUnlockAsync([FromForm] string? account, CancellationToken cancellationToken)
    {
        if (directory.Find(account) is not { } known)
        {
            return BadRequest();
        }

        await throttle.UnlockAsync(known.Name, cancellationToken);
        await audit.RecordAsync(User.AgentName(), AuditActions.Unlock, null, AuditOutcomes.Ok, known.Name, cancellationToken);
        return await DoneAsync($"{known.Name} can sign in again now.", cancellationToken);
    }

    /// <summary>Ends every session of an account: for a lost laptop, or a password that must change.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync([FromForm] string? account, CancellationToken cancellationToken)
    {
        if (directory.Find(account) is not { } known)
        {
            return BadRequest();
        }

        var ended = await sessions.EndAllAsync(known.Name, cancellationToken);
        await audit.RecordAsync(User.AgentName(), AuditActions.SignOutEverywhere, null, AuditOutcomes.Ok, known.Name, cancellationToken);
        return await DoneAsync($"{known.Name} is signed out everywhere ({ended} {(ended == 1 ? "session" : "sessions")} ended).", cancellationToken);
    }

    /// <summary>Gives a claimed caller back to the queue, for any agent to take.</summary>
    public async Task<IActionResult> OnPostReleaseAsync([FromForm] string? callSid, CancellationToken cancellationToken)
    {
        if (!CallSids.IsValid(callSid))
        {
            return BadRequest();
        }

        return await DoneAsync(
            await calls.ReleaseAsync(callSid, User.AgentName(), cancellationToken)
                ? "The caller is back in the queue for any agent."
                : "That caller was no longer claimed.",
            cancellationToken);
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
        Waiting = await throttle.WaitingAsync(cancellationToken);
    }
}
