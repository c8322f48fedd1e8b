using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Sessions;

namespace PhoneBooking.IvrHost.Outbound;

/// <summary>The answer for one text: go (with the reservation to release if sending fails), or the refusal.</summary>
/// <param name="Refusal">Null when the text may go; a <see cref="RefusalReasons"/> word otherwise, or <c>already-sent</c>.</param>
public sealed record TextClearance(string? Refusal, long? Reservation)
{
    public const string AlreadySent = "already-sent";

    public bool Allowed => Refusal is null;
}

/// <summary>
/// The outbound policy for texts: the number rules every call obeys, then the caps — per call (and
/// once per subject within a call), per number per day. Every refusal is a security event (reason,
/// call; never the number) and a count in <c>phonebooking.outbound.texts_refused</c>.
/// </summary>
public sealed partial class OutboundTexts(
    OutboundPolicy policy,
    TextLedger ledger,
    CallerKeys keys,
    OutboundMetrics metrics,
    TimeProvider clock,
    IOptionsMonitor<OutboundOptions> options,
    ILogger<OutboundTexts> logger)
{
    /// <param name="callKey">What the text is counted against: the call's CallSid (a callback's id for its final notice).</param>
    /// <param name="subject">What it is about, so the same thing is texted once per call (e.g. the confirmation code); kept only hashed.</param>
    public async Task<TextClearance> ClearAsync(string callKey, string to, string subject, CancellationToken cancellationToken)
    {
        if (policy.Refusal(to) is { } reason)
        {
            return Refused(callKey, reason);
        }

        var settings = options.CurrentValue;
        var (permit, reservation) = await ledger.ReserveAsync(
            callKey, keys.For(to)!, keys.Keyed("text-subject", subject), settings.TextsPerCall, settings.TextsPerNumberPerDay, clock.GetUtcNow(), cancellationToken);
        return permit switch
        {
            TextPermit.Allowed => new TextClearance(null, reservation),
            TextPermit.AlreadySent => Refused(callKey, TextClearance.AlreadySent),
            TextPermit.PerCallCap => Refused(callKey, RefusalReasons.PerCallCap),
            _ => Refused(callKey, RefusalReasons.PerNumberCap),
        };
    }

    /// <summary>Sending failed after clearance: the text counts for nothing.</summary>
    public Task NotSentAsync(TextClearance clearance, CancellationToken cancellationToken) =>
        clearance.Reservation is { } reservation ? ledger.ReleaseAsync(reservation, cancellationToken) : Task.CompletedTask;

    private TextClearance Refused(string callKey, string reason)
    {
        metrics.TextRefused(reason);
        LogRefused(logger, callKey, reason);
        return new TextClearance(reason, null);
    }

    [LoggerMessage(EventId = 2951, EventName = "TextRefused", Level = LogLevel.Warning, Message = "Security: text for {CallKey} refused by the outbound policy ({Reason})")]
    private static partial void LogRefused(ILogger logger, string callKey, string reason);
}
