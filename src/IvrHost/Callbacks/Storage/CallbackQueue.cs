using System.Data.Common;
using Dapper;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Encryption;

namespace PhoneBooking.IvrHost.Callbacks.Storage;

/// <summary>
/// <see cref="ICallbackQueue"/> in the line's database, on either provider. Claims and state changes are
/// single conditional UPDATEs, or transactions that lock what they read first (SQLite's one writer,
/// PostgreSQL's row locks): of two hosts (or two workers) racing for one callback exactly one sees its
/// UPDATE change a row. Numbers are stored encrypted (<see cref="CallbackRequests"/>) and counted by a keyed hash.
/// </summary>
internal sealed partial class CallbackQueue(IDatabase database, DataCipher cipher, CallerKeys keys) : ICallbackQueue
{
    /// <summary>Since when a due callback (row <c>c</c>, its offer news <c>o</c>) has been due: <see cref="DueCallback.DueSince"/>.</summary>
    private const string DueSince = "CASE WHEN c.kind = 'offer' AND o.made_at > c.next_attempt_at THEN o.made_at ELSE c.next_attempt_at END";

    public async Task<IReadOnlyList<DueCallback>> DueAsync(DateTimeOffset now, int limit, bool includeAgentCallbacks, bool includeLineBusy, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(connection => connection.QueryAsync<DueRow>(new CommandDefinition(
            $"""
            SELECT c.id AS Id, c.kind AS Kind, c.phone AS Phone, c.locale AS Locale, c.attempts AS Attempts, {DueSince} AS DueSince
            FROM callbacks c LEFT JOIN callback_offers o ON o.request_id = c.request_id
            WHERE c.state = 'open' AND c.next_attempt_at <= @Now
              AND (c.kind <> 'offer' OR o.status = 'made')
              AND (@IncludeAgent OR c.kind <> 'agent')
              AND (@IncludeBusy OR c.kind <> 'line_busy')
            ORDER BY c.next_attempt_at, c.created_at
            LIMIT @Limit
            """,
            new { Now = Ms(now), IncludeAgent = includeAgentCallbacks, IncludeBusy = includeLineBusy, Limit = limit },
            cancellationToken: cancellationToken)), cancellationToken);
        return [.. rows.Select(r => r.ToDue(cipher))];
    }

    public async Task<IReadOnlyList<DueCallback>> NoticesDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(connection => connection.QueryAsync<DueRow>(new CommandDefinition(
            """
            SELECT id AS Id, kind AS Kind, phone AS Phone, locale AS Locale, attempts AS Attempts, next_attempt_at AS DueSince
            FROM callbacks WHERE state = 'notify' AND next_attempt_at <= @Now
            ORDER BY next_attempt_at LIMIT @Limit
            """,
            new { Now = Ms(now), Limit = limit },
            cancellationToken: cancellationToken)), cancellationToken);
        return [.. rows.Select(r => r.ToDue(cipher))];
    }

    public Task<int> AgentCallsInFlightAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection => connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"""
            SELECT COUNT(*) FROM callbacks c
            WHERE c.kind = 'agent' AND (c.state IN ('claimed', 'calling') OR (c.state = 'answered' AND EXISTS (
                SELECT 1 FROM callback_attempts a WHERE a.callback_id = c.id AND a.number = c.attempts AND a.state IN {CallbackStates.Live})))
            """,
            cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>Counted by the number's keyed hash; rows saved before numbers were encrypted have none and are matched by the number.</summary>
    public Task<int> DialsSinceAsync(string phone, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM callback_attempts a JOIN callbacks c ON c.id = a.callback_id
            WHERE (c.phone_key = @PhoneKey OR (c.phone_key IS NULL AND c.phone = @Phone)) AND a.dialled_at >= @Since
            """,
            new { PhoneKey = CallbackRequests.PhoneKey(keys, phone), Phone = phone, Since = Ms(since) },
            cancellationToken: cancellationToken)), cancellationToken);

    public Task<int> OtherCallbacksDialledForTheSameCallAsync(string callbackId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COUNT(DISTINCT other.id) FROM callbacks this
            JOIN callbacks other ON other.call_sid = this.call_sid AND other.id <> this.id
            JOIN callback_attempts a ON a.callback_id = other.id AND a.dialled_at IS NOT NULL
            WHERE this.id = @Id
            """,
            new { Id = callbackId },
            cancellationToken: cancellationToken)), cancellationToken);

    public Task PostponeAsync(string id, DateTimeOffset until, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE callbacks SET next_attempt_at = @Until, outcome = @Reason, updated_at = @Now WHERE id = @Id AND state IN ('open', 'notify')",
            new { Id = id, Until = Ms(until), Reason = reason, Now = Ms(now) },
            cancellationToken);

    public Task RefuseAsync(string id, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE callbacks SET state = 'refused', outcome = @Reason, lease_owner = NULL, lease_until = NULL, updated_at = @Now WHERE id = @Id AND state IN ('open', 'claimed')",
            new { Id = id, Reason = reason, Now = Ms(now) },
            cancellationToken);

    public Task<ClaimedAttempt?> TryClaimAsync(DueCallback callback, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var number = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                """
                UPDATE callbacks SET state = 'claimed', lease_owner = @Owner, lease_until = @Until, attempts = attempts + 1, updated_at = @Now
                WHERE id = @Id AND state = 'open' AND next_attempt_at <= @Now
                RETURNING attempts
                """,
                new { callback.Id, Owner = owner, Until = Ms(now + lease), Now = Ms(now) },
                transaction,
                cancellationToken: cancellationToken));
            if (number is not { } n)
            {
                return null;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO callback_attempts (callback_id, number, state, owner, created_at, updated_at)
                VALUES (@Id, @Number, 'claimed', @Owner, @Now, @Now)
                """,
                new { callback.Id, Number = n, Owner = owner, Now = Ms(now) },
                transaction,
                cancellationToken: cancellationToken));
            return new ClaimedAttempt(callback.Id, n, callback.Kind, callback.Phone, callback.Locale, owner, callback.DueSince);
        }, cancellationToken);

    public async Task<bool> StartDiallingAsync(ClaimedAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            """
            UPDATE callback_attempts SET state = 'dialling', dialled_at = @Now, updated_at = @Now
            WHERE callback_id = @Id AND number = @Number AND state = 'claimed' AND EXISTS (
                SELECT 1 FROM callbacks c WHERE c.id = @Id AND c.state = 'claimed' AND c.attempts = @Number
                  AND c.lease_owner = @Owner AND c.lease_until > @Now)
            """,
            new { Id = attempt.CallbackId, attempt.Number, attempt.Owner, Now = Ms(now) },
            cancellationToken) == 1;

    public Task PlacedAsync(ClaimedAttempt attempt, string callSid, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE callback_attempts SET call_sid = COALESCE(call_sid, @CallSid),
                state = CASE WHEN state IN ('claimed', 'dialling') THEN 'queued' ELSE state END, updated_at = @Now
            WHERE callback_id = @Id AND number = @Number;
            UPDATE callbacks SET state = 'calling', lease_owner = NULL, lease_until = NULL, updated_at = @Now
            WHERE id = @Id AND state = 'claimed' AND attempts = @Number;
            """,
            new { Id = attempt.CallbackId, attempt.Number, CallSid = callSid, Now = Ms(now) },
            cancellationToken);

    public Task NotPlacedAsync(ClaimedAttempt attempt, string error, DateTimeOffset retryAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE callback_attempts SET state = 'not-placed', error = @Error, updated_at = @Now
            WHERE callback_id = @Id AND number = @Number AND state IN ('claimed', 'dialling');
            UPDATE callbacks SET state = 'open', next_attempt_at = @RetryAt, outcome = @Error, lease_owner = NULL, lease_until = NULL, updated_at = @Now
            WHERE id = @Id AND state = 'claimed' AND attempts = @Number;
            """,
            new { Id = attempt.CallbackId, attempt.Number, Error = error, RetryAt = Ms(retryAt), Now = Ms(now) },
            cancellationToken);

    public Task RejectedAsync(ClaimedAttempt attempt, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE callback_attempts SET state = 'rejected', error = @Reason, updated_at = @Now
            WHERE callback_id = @Id AND number = @Number AND state IN ('claimed', 'dialling');
            UPDATE callbacks SET state = 'refused', outcome = @Reason, lease_owner = NULL, lease_until = NULL, updated_at = @Now
            WHERE id = @Id AND state = 'claimed' AND attempts = @Number;
            """,
            new { Id = attempt.CallbackId, attempt.Number, Reason = reason, Now = Ms(now) },
            cancellationToken);

    public async Task<bool> TryStartNoticeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE callbacks SET state = 'gave-up', outcome = 'final-sms-pending', updated_at = @Now WHERE id = @Id AND state = 'notify'",
            new { Id = id, Now = Ms(now) },
            cancellationToken) == 1;

    public Task NoticeDoneAsync(string id, string outcome, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE callbacks SET outcome = @Outcome, updated_at = @Now WHERE id = @Id AND state = 'gave-up'",
            new { Id = id, Outcome = outcome, Now = Ms(now) },
            cancellationToken);

    public Task<int> CloseSettledAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE callbacks SET state = 'closed', updated_at = @Now,
                outcome = 'request ' || (SELECT o.status FROM callback_offers o WHERE o.request_id = callbacks.request_id)
            WHERE kind = 'offer' AND state = 'open' AND EXISTS (
                SELECT 1 FROM callback_offers o WHERE o.request_id = callbacks.request_id AND o.status IN ('booked', 'closed'))
            """,
            new { Now = Ms(now) },
            cancellationToken);

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>Set by name, not by constructor: SQLite types an expression column (DueSince) only once a row is read.</summary>
    private sealed class DueRow
    {
        public string Id { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Phone { get; init; } = "";

        public string Locale { get; init; } = "";

        public long Attempts { get; init; }

        public long DueSince { get; init; }

        public DueCallback ToDue(DataCipher cipher) =>
            new(Id, DbValues.Enum<CallbackKind>(Kind), cipher.Decrypt(Phone, CallbackRequests.PhoneContext(Id)), Locale, (int)Attempts, DateTimeOffset.FromUnixTimeMilliseconds(DueSince));
    }
}
