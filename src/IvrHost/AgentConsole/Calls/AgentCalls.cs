using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.Handoffs;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;

namespace PhoneBooking.IvrHost.AgentConsole.Calls;

public enum ConnectOutcome
{
    Connected,

    /// <summary>Claimed by someone else, or not claimed yet.</summary>
    NotYours,

    /// <summary>The agent's account has no phone or SIP address.</summary>
    NoDestination,

    /// <summary>Twilio refused the redirect: most often the caller hung up.</summary>
    CallGone,

    /// <summary>Twilio's API did not answer.</summary>
    TwilioUnavailable,
}

/// <summary>
/// An agent working a handed-over call: claim it (exactly one agent wins), put it through to the
/// agent's phone (the live call is redirected with Twilio's REST API), finish it. Each step audited,
/// refusals too. A claim nobody works on for <see cref="AgentConsoleOptions.ClaimTimeout"/> goes back
/// to the queue, and a supervisor can release one at any time.
/// </summary>
public sealed partial class AgentCalls(
    IHandoffDesk desk,
    AgentDirectory directory,
    ITwilioRestClient twilio,
    AuditTrail audit,
    ClaimActivity activity,
    TimeProvider clock,
    IOptionsMonitor<AgentConsoleOptions> options,
    ILogger<AgentCalls> logger)
{
    /// <summary>The handoff if <paramref name="agent"/> holds the claim on it.</summary>
    public async Task<Handoff?> ClaimedByAsync(string callSid, string agent, CancellationToken cancellationToken) =>
        await desk.GetAsync(callSid, cancellationToken) is { Status: HandoffStatus.Claimed } handoff
            && string.Equals(handoff.ClaimedBy, agent, StringComparison.OrdinalIgnoreCase)
            ? handoff
            : null;

    public async Task<bool> ClaimAsync(string callSid, string agent, CancellationToken cancellationToken)
    {
        // Touched before the claim too: a stale-claim sweep (another agent's request, another instance) that read
        // the claim before its first touch would take it as never worked on and give the caller back at once.
        await activity.TouchAsync(callSid, agent, cancellationToken);
        var won = await desk.ClaimAsync(callSid, agent, cancellationToken);
        if (won)
        {
            await activity.TouchAsync(callSid, agent, cancellationToken);
        }

        await audit.RecordAsync(agent, AuditActions.Claim, callSid, won ? AuditOutcomes.Ok : AuditOutcomes.Lost, cancellationToken: cancellationToken);
        return won;
    }

    /// <summary>The agent is working on their claimed caller: the claim's clock starts again.</summary>
    public Task WorkedOnAsync(string callSid, string agent, CancellationToken cancellationToken) => activity.TouchAsync(callSid, agent, cancellationToken);

    /// <summary>A supervisor gives the caller back to the queue.</summary>
    public async Task<bool> ReleaseAsync(string callSid, string supervisor, CancellationToken cancellationToken)
    {
        var released = await desk.GetAsync(callSid, cancellationToken) is { Status: HandoffStatus.Claimed, ClaimedBy: { } holder }
            && await desk.ReleaseAsync(callSid, holder, cancellationToken);
        if (released)
        {
            await activity.ForgetAsync(callSid, cancellationToken);
        }

        await audit.RecordAsync(supervisor, AuditActions.Release, callSid, released ? AuditOutcomes.Ok : AuditOutcomes.Refused, cancellationToken: cancellationToken);
        return released;
    }

    /// <summary>Claims nobody acted on for <see cref="AgentConsoleOptions.ClaimTimeout"/> go back to the queue; returns how many.</summary>
    public async Task<int> ReleaseStaleClaimsAsync(CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var stale in await activity.StaleAsync(clock.GetUtcNow() - options.CurrentValue.ClaimTimeout, cancellationToken))
        {
            if (await desk.ReleaseAsync(stale.CallSid, stale.Agent, cancellationToken))
            {
                await activity.ForgetAsync(stale.CallSid, cancellationToken);
                await audit.RecordAsync(AuditTrail.LineItself, AuditActions.Release, stale.CallSid, AuditOutcomes.Expired, stale.Agent, cancellationToken);
                released++;
            }
        }

        return released;
    }

    public async Task<ConnectOutcome> ConnectAsync(string callSid, string agent, CancellationToken cancellationToken)
    {
        var outcome = await TryConnectAsync(callSid, agent, cancellationToken);
        if (outcome != ConnectOutcome.NotYours)
        {
            await activity.TouchAsync(callSid, agent, cancellationToken);
        }

        await audit.RecordAsync(
            agent, AuditActions.Connect, callSid, outcome == ConnectOutcome.Connected ? AuditOutcomes.Ok : AuditOutcomes.Failed,
            outcome == ConnectOutcome.Connected ? null : outcome.ToString(), cancellationToken);
        return outcome;
    }

    public async Task<bool> FinishAsync(string callSid, string agent, CancellationToken cancellationToken)
    {
        if (await ClaimedByAsync(callSid, agent, cancellationToken) is null)
        {
            await audit.RecordAsync(agent, AuditActions.Finish, callSid, AuditOutcomes.Refused, cancellationToken: cancellationToken);
            return false;
        }

        await desk.CompleteAsync(callSid, agent, cancellationToken);
        await activity.ForgetAsync(callSid, cancellationToken);
        await audit.RecordAsync(agent, AuditActions.Finish, callSid, AuditOutcomes.Ok, cancellationToken: cancellationToken);
        return true;
    }

    private async Task<ConnectOutcome> TryConnectAsync(string callSid, string agent, CancellationToken cancellationToken)
    {
        if (await ClaimedByAsync(callSid, agent, cancellationToken) is null)
        {
            return ConnectOutcome.NotYours;
        }

        if (directory.Find(agent) is not { CanTakeCalls: true } account)
        {
            return ConnectOutcome.NoDestination;
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await CallResource.UpdateAsync(new UpdateCallOptions(callSid) { Twiml = ConnectTwiml.For(account) }, client: twilio);
            return ConnectOutcome.Connected;
        }
        catch (ApiException ex)
        {
            // Code and status only: Twilio's message can quote phone numbers.
            LogConnectRefused(logger, callSid, ex.Code, ex.Status);
            return ConnectOutcome.CallGone;
        }
        catch (ApiConnectionException ex)
        {
            LogConnectUnreachable(logger, callSid, ex);
            return ConnectOutcome.TwilioUnavailable;
        }
    }

    [LoggerMessage(EventId = 2821, EventName = "ConnectRefused", Level = LogLevel.Warning,
        Message = "Twilio refused to put call {CallSid} through to the agent: error {TwilioErrorCode}, HTTP {StatusCode}")]
    private static partial void LogConnectRefused(ILogger logger, string callSid, int twilioErrorCode, int statusCode);

    [LoggerMessage(EventId = 2822, EventName = "ConnectUnreachable", Level = LogLevel.Warning,
        Message = "Twilio's API could not be reached to put call {CallSid} through to the agent")]
    private static partial void LogConnectUnreachable(ILogger logger, string callSid, Exception exception);
}
