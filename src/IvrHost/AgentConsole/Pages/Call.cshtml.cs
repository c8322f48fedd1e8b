using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.AgentConsole.Board;
using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.AgentConsole.Calls;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Prompts.Catalog;

namespace PhoneBooking.IvrHost.AgentConsole.Pages;

/// <summary>One claimed call: what the caller gave (each view audited), put them through, book for them, finish.</summary>
public sealed class CallModel(
    AgentCalls calls,
    AuditTrail audit,
    AgentBookings bookings,
    AgentDirectory directory,
    BoardWatcher watcher,
    PromptCatalog prompts,
    LineClock lineClock) : PageModel
{
    public Handoff Handoff { get; private set; } = null!;

    public AgentBooking? Booking { get; private set; }

    public AgentAccount? Account { get; private set; }

    [BindProperty]
    public BookingForm Form { get; set; } = new();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? Refusal { get; private set; }

    public IReadOnlyList<string> Languages => prompts.Locales;

    public string Version => watcher.Version;

    public string Agent => User.AgentName();

    public async Task<IActionResult> OnGetAsync(string callSid, CancellationToken cancellationToken)
    {
        if (await LoadAsync(callSid, AuditActions.View, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        await audit.ViewedAsync(Agent, "call", callSid, cancellationToken);
        Form = BookingForm.For(Handoff);
        return Page();
    }

    public async Task<IActionResult> OnGetPanelAsync(string callSid, CancellationToken cancellationToken)
    {
        // A refresh the page asks for by itself: not the agent working on the call, so the claim's clock runs on.
        if (await LoadAsync(callSid, AuditActions.View, cancellationToken, worked: false) is { } elsewhere)
        {
            return elsewhere;
        }

        await audit.ViewedAsync(Agent, "call", callSid, cancellationToken);
        return Partial("_CallPanel", this);
    }

    public async Task<IActionResult> OnPostConnectAsync(string callSid, CancellationToken cancellationToken)
    {
        if (await LoadAsync(callSid, AuditActions.Connect, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        return Done(await calls.ConnectAsync(callSid, Agent, cancellationToken) switch
        {
            ConnectOutcome.Connected => $"Putting the caller through to {Destination(Account)}. Answer when it rings.",
            ConnectOutcome.NoDestination => "Your account has no phone number or SIP address to put callers through to. Ask a supervisor.",
            ConnectOutcome.CallGone => "The call could not be put through: the caller may have hung up. Call them back on the number they gave.",
            ConnectOutcome.TwilioUnavailable => "The phone system did not answer. Try again in a moment.",
            _ => "That caller is not claimed by you.",
        });
    }

    public async Task<IActionResult> OnPostBookAsync(string callSid, CancellationToken cancellationToken)
    {
        if (await LoadAsync(callSid, AuditActions.Book, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var (submission, maskedCard, errors) = Form.Validate(lineClock.Context().Today, Languages);
        if (submission is null)
        {
            return Invalid(errors, null);
        }

        switch (await bookings.BookAsync(Handoff, submission, maskedCard, Agent, cancellationToken))
        {
            case BookResult.Refused refused:
                return Invalid(refused.Errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value), StringComparer.Ordinal), refused.Message);

            case BookResult.Saved:
                await watcher.CheckAsync(cancellationToken);
                return Done("The booking system is down: the booking is saved and will be sent automatically when it is back. Its outcome shows here.");

            default:
                await watcher.CheckAsync(cancellationToken);
                return Done("Booking request sent. The offer shows here as soon as it is made.");
        }
    }

    public Task<IActionResult> OnPostAcceptAsync(string callSid, CancellationToken cancellationToken) =>
        DecideAsync(callSid, OfferDecision.Accept, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(string callSid, CancellationToken cancellationToken) =>
        DecideAsync(callSid, OfferDecision.Decline, cancellationToken);

    public async Task<IActionResult> OnPostFinishAsync(string callSid, CancellationToken cancellationToken)
    {
        if (!CallSids.IsValid(callSid))
        {
            return NotFound();
        }

        TempData["Flash"] = await calls.FinishAsync(callSid, Agent, cancellationToken)
            ? "Call finished and removed from the list."
            : "That caller is not claimed by you.";
        await watcher.CheckAsync(cancellationToken);
        return Redirect(AgentConsoleServiceCollectionExtensions.PathBase);
    }

    public static string Destination(AgentAccount? account) =>
        account?.SipAddress is { Length: > 0 } sip ? sip : account?.Phone ?? "your phone";

    private async Task<IActionResult> DecideAsync(string callSid, OfferDecision decision, CancellationToken cancellationToken)
    {
        if (await LoadAsync(callSid, decision == OfferDecision.Accept ? AuditActions.Accept : AuditActions.Decline, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var outcome = await bookings.DecideAsync(Handoff, decision, Agent, cancellationToken);
        await watcher.CheckAsync(cancellationToken);
        return Done((outcome, decision) switch
        {
            (DecisionOutcome.Done, OfferDecision.Accept) => "Offer accepted: read the confirmation code to the caller.",
            (DecisionOutcome.Done, _) => "Offer declined. Another offer follows if the request has any left.",
            (DecisionOutcome.BackendFailed, _) => "The booking system did not answer. Nothing changed: try again.",
            _ => "That offer can no longer be decided (it expired or was already answered). The status below is current.",
        });
    }

    /// <summary>Loads the call if this agent holds it (and starts its claim's clock again); otherwise, audited as refused, where to go instead.</summary>
    private async Task<IActionResult?> LoadAsync(string callSid, string action, CancellationToken cancellationToken, bool worked = true)
    {
        if (!CallSids.IsValid(callSid))
        {
            return NotFound();
        }

        if (await calls.ClaimedByAsync(callSid, Agent, cancellationToken) is not { } handoff)
        {
            await audit.RecordAsync(Agent, action, callSid, AuditOutcomes.Refused, "not claimed by this agent", cancellationToken);
            TempData["Flash"] = "That caller is not claimed by you: claim them from the list first.";
            return Redirect(AgentConsoleServiceCollectionExtensions.PathBase);
        }

        if (worked)
        {
            await calls.WorkedOnAsync(callSid, Agent, cancellationToken);
        }

        Handoff = handoff;
        Booking = await bookings.ForAsync(handoff, cancellationToken);
        Account = directory.Find(Agent);
        return null;
    }

    private IActionResult Done(string message)
    {
        TempData["Flash"] = message;
        return Redirect(CallSids.PagePath(Handoff.CallSid));
    }

    private PageResult Invalid(Dictionary<string, string> errors, string? refusal)
    {
        Errors = errors;
        Refusal = refusal;
        Form.Pad();
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }
}
