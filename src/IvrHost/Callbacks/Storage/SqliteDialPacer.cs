using Dapper;
using PhoneBooking.IvrHost.Sessions.Sqlite;

namespace PhoneBooking.IvrHost.Callbacks.Storage;

/// <summary>
/// A token bucket of one token, its state in the database (the next free slot), its time from the
/// caller's <see cref="TimeProvider"/>. A slot taken up to one interval late keeps the schedule (no drift:
/// the long-run rate is the limit); after a longer idle spell the schedule restarts from now.
/// </summary>
internal sealed class SqliteDialPacer(SqliteSessionDatabase database) : IDialPacer
{
    public Task<DialSlot> TryTakeAsync(DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection =>
            {
                var parameters = new { Now = now.ToUnixTimeMilliseconds(), Interval = (long)Math.Ceiling(interval.TotalMilliseconds) };
                var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    """
                    UPDATE callback_pacing
                    SET next_slot_at = (CASE WHEN @Now - next_slot_at < @Interval THEN next_slot_at ELSE @Now END) + @Interval
                    WHERE id = 1 AND next_slot_at <= @Now
                    RETURNING next_slot_at
                    """,
                    parameters,
                    cancellationToken: cancellationToken));
                if (next is { } taken)
                {
                    return new DialSlot(true, DateTimeOffset.FromUnixTimeMilliseconds(taken - parameters.Interval));
                }

                var free = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT next_slot_at FROM callback_pacing WHERE id = 1", cancellationToken: cancellationToken));
                return new DialSlot(false, DateTimeOffset.FromUnixTimeMilliseconds(free));
            },
            cancellationToken);
}
