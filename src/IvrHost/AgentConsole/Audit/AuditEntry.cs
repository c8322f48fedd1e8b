namespace PhoneBooking.IvrHost.AgentConsole.Audit;

/// <param name="Agent">The account name, or <c>(unknown)</c> for a failed sign-in with a name no account has.</param>
/// <param name="CallSid">The call acted on, if any.</param>
/// <param name="Reference">An id the action produced or used (booking request, offer), never personal data.</param>
/// <param name="Source">The address the action came from (null for the line's own background work).</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Agent, string Action, string? CallSid, string Outcome, string? Reference, string? Source = null);
