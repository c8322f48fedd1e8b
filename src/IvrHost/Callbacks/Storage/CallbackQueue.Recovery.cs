using Dapper;

namespace PhoneBooking.IvrHost.Callbacks.Storage;

/// <summary>After a crash or a lost callback: what a lease's end says about each attempt, decided in one transaction.</summary>
internal sealed partial class CallbackQueue
{
    private const string LeaseEnded =
        """
        EXISTS (SELECT 1 FROM callbacks c WHERE c.id = callback_attempts.callback_id AND c.state = 'claimed'
                AND c.attempts = callback_attempts.number AND c.lease_until < @Now)
        """;

    public Task<Recovery> RecoverAsync(DateTimeOffset now, TimeSpan settle, TimeSpan stale, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var parameters = new { Now = Ms(now), SettledBefore = Ms(now - settle), StaleBefore = Ms(now - stale) };
            Task<int> Run(string sql) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

            // Claimed but never dialled (the worker stopped in between): safe to dial again.
            var abandoned = await Run($"UPDATE callback_attempts SET state = 'abandoned', updated_at = @Now WHERE state = 'claimed' AND {LeaseEnded}");

            // Twilio was being asked when the worker stopped. Had the call been made, its status callbacks
            // (initiated at once, completed after the ring timeout) would have moved the attempt on by now.
            var notPlaced = await Run(
                $"""
                UPDATE callback_attempts SET state = 'not-placed', error = 'no word from Twilio', updated_at = @Now
                WHERE state = 'dialling' AND dialled_at < @SettledBefore AND {LeaseEnded}
                """);

            // Placed, then silence for longer than any call lasts: the final status was lost.
            var lost = await Run(
                $"""
                UPDATE callback_attempts SET state = 'lost', updated_at = @Now
                WHERE state IN {CallbackStates.Live} AND updated_at < @StaleBefore AND EXISTS (
                    SELECT 1 FROM callbacks c WHERE c.id = callback_attempts.callback_id AND c.state = 'calling' AND c.attempts = callback_attempts.number)
                """);

            if (abandoned + notPlaced + lost > 0)
            {
                await Run(
                    """
                    UPDATE callbacks SET state = 'open', lease_owner = NULL, lease_until = NULL, updated_at = @Now
                    WHERE state IN ('claimed', 'calling') AND EXISTS (
                        SELECT 1 FROM callback_attempts a WHERE a.callback_id = callbacks.id AND a.number = callbacks.attempts
                          AND a.state IN ('abandoned', 'not-placed', 'lost'))
                    """);
            }

            return new Recovery(abandoned, notPlaced, lost);
        }, cancellationToken);
}
