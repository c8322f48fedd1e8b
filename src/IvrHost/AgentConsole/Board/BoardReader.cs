using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.SchedulingClient;

namespace PhoneBooking.IvrHost.AgentConsole.Board;

/// <summary>Reads the board from the stores: open handoffs, open callbacks, agents' bookings, backend health, the incident message.</summary>
public sealed class BoardReader(
    IHandoffDesk handoffs,
    ICallbackRequests callbacks,
    AgentBookings bookings,
    IBackendHealth backend,
    IIncidentBoard incidents,
    TimeProvider clock)
{
    /// <summary>More than a screen can show; the supervisor's figures count what is listed.</summary>
    public const int MaxCallbacks = 200;

    public async Task<ConsoleBoard> ReadAsync(CancellationToken cancellationToken)
    {
        var open = await handoffs.OpenAsync(cancellationToken);
        var recent = await bookings.RecentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var byHandoff = recent.ToDictionary(b => b.HandoffId, StringComparer.Ordinal);
        var callers = open.Select(h => new WaitingCaller(h, Since(h.At, now), byHandoff.GetValueOrDefault(h.Id))).ToList();

        var pending = new List<PendingCallback>();
        foreach (var record in await callbacks.ListAsync(CallbackFilter.Open, MaxCallbacks, cancellationToken))
        {
            // Someone who kept their place for a person: show what they gave, as for a caller on hold.
            var details = record.Request.Kind == CallbackKind.Agent ? (await handoffs.GetAsync(record.Request.CallSid, cancellationToken))?.Details : null;
            pending.Add(new PendingCallback(record, details, Since(record.CreatedAt, now)));
        }

        // Bookings saved while the API was down stay in view after their call is done, until they have an outcome.
        var openIds = open.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var saved = new List<SavedBooking>();
        foreach (var booking in recent.Where(b => b.WaitedForBackend && !openIds.Contains(b.HandoffId)))
        {
            saved.Add(new SavedBooking(booking, await handoffs.GetAsync(booking.CallSid, cancellationToken)));
        }

        return new ConsoleBoard(callers, pending, saved, backend.Current, incidents.Current);
    }

    private static TimeSpan Since(DateTimeOffset at, DateTimeOffset now) => at > now ? TimeSpan.Zero : now - at;
}
