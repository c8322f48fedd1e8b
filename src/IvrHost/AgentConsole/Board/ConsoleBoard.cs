using System.Security.Cryptography;
using System.Text;
using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.SchedulingClient;

namespace PhoneBooking.IvrHost.AgentConsole.Board;

/// <summary>A handed-over caller as the console shows them: the handoff, how long they have waited, the booking made for them.</summary>
public sealed record WaitingCaller(Handoff Handoff, TimeSpan Waited, AgentBooking? Booking);

/// <summary>A callback still to be made; for "keep my place" callbacks, what the caller gave before hanging up.</summary>
public sealed record PendingCallback(CallbackRecord Record, HandoffDetails? Details, TimeSpan Waited);

/// <summary>A booking saved while the API was down, kept in view after its call until it has an outcome; the handoff says whom to call if it was refused.</summary>
public sealed record SavedBooking(AgentBooking Booking, Handoff? Handoff);

/// <summary>Queue length and waits, for supervisors.</summary>
public sealed record QueueFigures(int Waiting, int Claimed, TimeSpan LongestWait, TimeSpan AverageWait);

/// <summary>
/// Everything the console shows, read at one moment. <see cref="Version"/> is a fingerprint of it
/// (waits in whole minutes): open consoles refetch their part when it changes.
/// </summary>
public sealed record ConsoleBoard(
    IReadOnlyList<WaitingCaller> Callers,
    IReadOnlyList<PendingCallback> Callbacks,
    IReadOnlyList<SavedBooking> SavedBookings,
    BackendHealthSnapshot Backend,
    string? Incident)
{
    public QueueFigures Queue
    {
        get
        {
            var waiting = Callers.Where(c => c.Handoff.Status == HandoffStatus.Waiting).ToList();
            return new(
                waiting.Count,
                Callers.Count - waiting.Count,
                waiting.Count == 0 ? TimeSpan.Zero : waiting.Max(c => c.Waited),
                waiting.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)waiting.Average(c => c.Waited.Ticks)));
        }
    }

    public string Version
    {
        get
        {
            var text = new StringBuilder();
            foreach (var caller in Callers)
            {
                text.Append(caller.Handoff.Id).Append('|').Append(caller.Handoff.Status).Append('|').Append(caller.Handoff.ClaimedBy)
                    .Append('|').Append((long)caller.Waited.TotalMinutes).Append('|').Append(Fingerprint(caller.Booking)).Append('\n');
            }

            foreach (var callback in Callbacks)
            {
                text.Append(callback.Record.Request.Id).Append('|').Append(callback.Record.Status).Append('|').Append(callback.Record.Attempts.Count)
                    .Append('|').Append((long)callback.Waited.TotalMinutes).Append('\n');
            }

            foreach (var saved in SavedBookings)
            {
                text.Append(Fingerprint(saved.Booking)).Append('\n');
            }

            text.Append(Backend.State).Append('|').Append(Incident);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 8));
        }
    }

    private static string Fingerprint(AgentBooking? booking) =>
        booking is null ? "-" : $"{booking.HandoffId}:{booking.State}:{booking.RequestId}:{booking.Status?.Status}:{booking.Status?.Offer?.OfferId}:{booking.Status?.Offer?.Status}:{booking.Status?.Booking?.ConfirmationCode}";
}
