using Dapper;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Callbacks.Storage;

/// <summary>
/// A token bucket that holds one token, its state in the database (when the next slot is free), its time
/// from the caller's <see cref="TimeProvider"/>: a slot is taken at or after its time, and the next one is
/// free one interval after the taking. So no second window ever holds more than the limit, even with
/// several hosts; a late taking is not made up (the rate achieved falls short by the lateness, see the bench).
/// The taking is one conditional UPDATE: on PostgreSQL the row lock makes a second instance re-check the
/// condition against the first one's slot, so two instances never take one slot.
/// </summary>
internal sealed class DialPacer(IDatabase database) : IDialPacer
{
    public Task<DialSlot> TryTakeAsync(DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection =>
            {
                var parameters = new { Now = now.ToUnixTimeMilliseconds(), Interval = (long)Math.Ceiling(interval.TotalMilliseconds) };
                var taken = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    """
                    UPDATE callback_pacing SET free_since = next_slot_at, next_slot_at = @Now + @Interval
                    WHERE id = 1 AND next_slot_at <= @Now
                    RETURNING free_since
                    """,
                    parameters,
                    cancellationToken: cancellationToken));
                if (taken is { } freeSince)
                {
                    return new DialSlot(true, DateTimeOffset.FromUnixTimeMilliseconds(freeSince));
                }

                var free = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT next_slot_at FROM callback_pacing WHERE id = 1", cancellationToken: cancellationToken));
                return new DialSlot(false, DateTimeOffset.FromUnixTimeMilliseconds(free));
            },
            cancellationToken);
}
