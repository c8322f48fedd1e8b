using System.Data.Common;
using Dapper;

namespace PhoneBooking.IvrHost.Callbacks.Storage;

/// <summary>What Twilio tells us about an attempt: its statuses, who answered, and the retry that follows a miss.</summary>
internal sealed partial class CallbackQueue
{
    public Task<AttemptUpdate> RecordStatusAsync(AttemptStatus status, IReadOnlyList<TimeSpan> retryDelays, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await ReadForUpdateAsync(connection, transaction, status.CallbackId, status.Number, cancellationToken);
            if (current is null)
            {
                return new AttemptUpdate(Known: false, Final: false, Miss: false, Callback: null);
            }

            var late = current.State is "not-placed" or "abandoned";
            var moves = late || AttemptStates.Rank(status.Status) > AttemptStates.Rank(current.State);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE callback_attempts SET call_sid = COALESCE(call_sid, @CallSid), answered_by = COALESCE(answered_by, @AnsweredBy),
                    state = CASE WHEN @Moves THEN @Status ELSE state END, error = COALESCE(@Error, error), updated_at = @Now
                WHERE callback_id = @CallbackId AND number = @Number
                """,
                new { status.CallbackId, status.Number, status.CallSid, status.AnsweredBy, status.Status, status.Error, Moves = moves, Now = Ms(now) },
                transaction,
                cancellationToken: cancellationToken));

            var final = moves && AttemptStates.IsFinal(status.Status);
            var miss = final && (status.Status != "completed" || current.Route is null);
            if (!moves || late || current.Latest != status.Number || current.CallbackState is not ("claimed" or "calling"))
            {
                return new AttemptUpdate(true, final, miss && !late, null, late);
            }

            if (!final)
            {
                await SetCallbackAsync(connection, transaction, status.CallbackId, "calling", next: null, now, cancellationToken);
                return new AttemptUpdate(true, false, false, CallbackStatus.Calling);
            }

            var misses = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                $"""
                SELECT COUNT(*) FROM callback_attempts WHERE callback_id = @CallbackId
                  AND (state IN {AttemptStates.Misses} OR (state = 'completed' AND route IS NULL))
                """,
                new { status.CallbackId },
                transaction,
                cancellationToken: cancellationToken));
            var retry = misses <= retryDelays.Count;
            await SetCallbackAsync(connection, transaction, status.CallbackId, retry ? "open" : "notify", retry ? now + retryDelays[misses - 1] : now, now, cancellationToken);
            return new AttemptUpdate(true, true, true, retry ? CallbackStatus.Scheduled : CallbackStatus.Notifying);
        }, cancellationToken);

    public Task<RouteDecision> RouteAsync(string callbackId, int number, bool decideNow, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await ReadForUpdateAsync(connection, transaction, callbackId, number, cancellationToken);
            if (current is null)
            {
                return new RouteDecision(AttemptRoute.Undecided, false);
            }

            if (current.Route is { } decided)
            {
                return new RouteDecision(decided == "flow" ? AttemptRoute.Flow : AttemptRoute.Voicemail, false);
            }

            var route = AttemptStates.IsMachine(current.AnsweredBy) ? AttemptRoute.Voicemail
                : current.AnsweredBy is not null || decideNow ? AttemptRoute.Flow
                : AttemptRoute.Undecided;
            if (route != AttemptRoute.Undecided)
            {
                await SetRouteAsync(connection, transaction, callbackId, number, route, now, cancellationToken);
            }

            return new RouteDecision(route, route != AttemptRoute.Undecided);
        }, cancellationToken);

    public Task<bool> MachineDetectedAsync(string callbackId, int number, string answeredBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await ReadForUpdateAsync(connection, transaction, callbackId, number, cancellationToken);
            if (current is null)
            {
                return false;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE callback_attempts SET answered_by = @AnsweredBy, updated_at = @Now WHERE callback_id = @CallbackId AND number = @Number",
                new { CallbackId = callbackId, Number = number, AnsweredBy = answeredBy, Now = Ms(now) },
                transaction,
                cancellationToken: cancellationToken));
            if (!AttemptStates.IsMachine(answeredBy) || current.Route != "flow")
            {
                return false;
            }

            // The flow started before the machine was recognised (a long greeting): the message replaces it.
            await SetRouteAsync(connection, transaction, callbackId, number, AttemptRoute.Voicemail, now, cancellationToken);
            return true;
        }, cancellationToken);

    private static async Task SetRouteAsync(DbConnection connection, DbTransaction transaction, string callbackId, int number, AttemptRoute route, DateTimeOffset now, CancellationToken ct)
    {
        var (routeName, callbackState) = route == AttemptRoute.Flow ? ("flow", "answered") : ("voicemail", "voicemail");
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE callback_attempts SET route = @Route, updated_at = @Now,
                state = CASE WHEN state IN ('claimed', 'dialling', 'queued', 'initiated', 'ringing') THEN 'in-progress' ELSE state END
            WHERE callback_id = @CallbackId AND number = @Number;
            UPDATE callbacks SET state = @CallbackState, outcome = @CallbackState, lease_owner = NULL, lease_until = NULL, updated_at = @Now
            WHERE id = @CallbackId AND attempts = @Number AND state NOT IN ('refused', 'closed');
            """,
            new { CallbackId = callbackId, Number = number, Route = routeName, CallbackState = callbackState, Now = Ms(now) },
            transaction,
            cancellationToken: ct));
    }

    private static Task SetCallbackAsync(DbConnection connection, DbTransaction transaction, string id, string state, DateTimeOffset? next, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE callbacks SET state = @State, next_attempt_at = COALESCE(@Next, next_attempt_at), lease_owner = NULL, lease_until = NULL, updated_at = @Now
            WHERE id = @Id
            """,
            new { Id = id, State = state, Next = next is { } at ? Ms(at) : (long?)null, Now = Ms(now) },
            transaction,
            cancellationToken: ct));

    /// <summary>The attempt and its callback, locked until the transaction ends: two instances' webhooks for one call take turns.</summary>
    private Task<AttemptRow?> ReadForUpdateAsync(DbConnection connection, DbTransaction transaction, string callbackId, int number, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<AttemptRow>(new CommandDefinition(
            $"""
            SELECT a.state AS State, a.route AS Route, a.answered_by AS AnsweredBy, c.state AS CallbackState, c.attempts AS Latest
            FROM callback_attempts a JOIN callbacks c ON c.id = a.callback_id
            WHERE a.callback_id = @CallbackId AND a.number = @Number{database.Sql.ForUpdate}
            """,
            new { CallbackId = callbackId, Number = number },
            transaction,
            cancellationToken: ct));

    private sealed record AttemptRow(string State, string? Route, string? AnsweredBy, string CallbackState, long Latest);
}
