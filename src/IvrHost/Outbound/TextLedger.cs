using Dapper;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Outbound;

/// <summary>What a text may do: go, or why not.</summary>
public enum TextPermit
{
    Allowed,

    /// <summary>This call already texted about this (the booking's copy once per call, however often 2 is pressed).</summary>
    AlreadySent,

    PerCallCap,

    PerNumberCap,
}

/// <summary>
/// Texts the line has sent, in the line's database (<c>Outbound/Migrations</c>), so every instance and a restart
/// count them together. Numbers and subjects are kept as keyed hashes (the caller-key secret), never
/// in clear; rows older than two days are dropped as new ones come.
/// </summary>
public sealed class TextLedger(IDatabase database)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>
    /// Checks the caps and, when the text may go, records it: one transaction holding the call and the number
    /// (SQLite's write lock, PostgreSQL's advisory locks), so two instances cannot both squeeze in.
    /// </summary>
    /// <returns>The permit, and the row to release if sending then fails.</returns>
    public Task<(TextPermit Permit, long? Reservation)> ReserveAsync(string callKey, string numberKey, string subjectKey, int perCall, int perNumberPerDay, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await database.LockAsync(connection, transaction, $"texts-call:{callKey}", cancellationToken);
                await database.LockAsync(connection, transaction, $"texts-number:{numberKey}", cancellationToken);
                var args = new { callKey, numberKey, subjectKey, now = now.ToUnixTimeMilliseconds(), dayAgo = (now - Day).ToUnixTimeMilliseconds(), old = (now - (2 * Day)).ToUnixTimeMilliseconds() };
                var counts = await connection.QuerySingleAsync<Counts>(new CommandDefinition(
                    """
                    SELECT
                        (SELECT count(*) FROM outbound_texts WHERE call_key = @callKey AND subject_key = @subjectKey) AS Same,
                        (SELECT count(*) FROM outbound_texts WHERE call_key = @callKey) AS ForCall,
                        (SELECT count(*) FROM outbound_texts WHERE number_key = @numberKey AND sent_at > @dayAgo) AS ForNumber
                    """,
                    args,
                    transaction,
                    cancellationToken: cancellationToken));
                var permit = counts switch
                {
                    { Same: > 0 } => TextPermit.AlreadySent,
                    _ when counts.ForCall >= perCall => TextPermit.PerCallCap,
                    _ when counts.ForNumber >= perNumberPerDay => TextPermit.PerNumberCap,
                    _ => TextPermit.Allowed,
                };
                long? reservation = null;
                if (permit == TextPermit.Allowed)
                {
                    reservation = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                        "INSERT INTO outbound_texts (call_key, number_key, subject_key, sent_at) VALUES (@callKey, @numberKey, @subjectKey, @now) RETURNING id",
                        args,
                        transaction,
                        cancellationToken: cancellationToken));
                    await connection.ExecuteAsync(new CommandDefinition("DELETE FROM outbound_texts WHERE sent_at < @old", args, transaction, cancellationToken: cancellationToken));
                }

                return (permit, reservation);
            },
            cancellationToken);

    /// <summary>The text did not go (a landline, Twilio down): it counts for nothing.</summary>
    public Task ReleaseAsync(long reservation, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition("DELETE FROM outbound_texts WHERE id = @reservation", new { reservation }, cancellationToken: cancellationToken)),
            cancellationToken);

    private sealed record Counts(long Same, long ForCall, long ForNumber);
}
