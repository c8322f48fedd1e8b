using System.Security.Claims;
using PhoneBooking.IvrHost.AgentConsole.Audit;

namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

public abstract record SignInAttempt
{
    public sealed record SignedIn(ClaimsPrincipal Principal) : SignInAttempt;

    public sealed record Rejected : SignInAttempt;

    public sealed record LockedOut(DateTimeOffset Until) : SignInAttempt;
}

/// <summary>
/// Checks a name and password from a source address: throttled per address and per account (an
/// attempt that must wait is not even checked), audited either way, and on success opens a session
/// the server can end. The audit names the account only when it exists: a password typed into the
/// name field by mistake must not end up in a table.
/// </summary>
public sealed class AgentSignIn(AgentDirectory directory, SignInThrottle throttle, ConsoleSessions sessions, AuditTrail audit)
{
    public async Task<SignInAttempt> TryAsync(string name, string password, string source, CancellationToken cancellationToken)
    {
        name = name.Trim();
        var known = directory.Find(name);
        var audited = known?.Name ?? AuditTrail.UnknownAgent;
        if (await throttle.WaitUntilAsync(known, name, source, cancellationToken) is { } until)
        {
            await audit.RecordAsync(audited, AuditActions.SignIn, null, AuditOutcomes.Locked, cancellationToken: cancellationToken);
            return new SignInAttempt.LockedOut(until);
        }

        if (directory.Verify(name, password) is not { } account)
        {
            var lockedUntil = await throttle.FailedAsync(known, name, source, cancellationToken);
            await audit.RecordAsync(audited, AuditActions.SignIn, null, AuditOutcomes.Failed, cancellationToken: cancellationToken);
            return lockedUntil is { } locked ? new SignInAttempt.LockedOut(locked) : new SignInAttempt.Rejected();
        }

        await throttle.SucceededAsync(account, source, cancellationToken);
        var session = await sessions.StartAsync(account.Name, cancellationToken);
        await audit.RecordAsync(account.Name, AuditActions.SignIn, null, AuditOutcomes.Ok, cancellationToken: cancellationToken);
        return new SignInAttempt.SignedIn(AgentPrincipal.For(account, session));
    }
}
