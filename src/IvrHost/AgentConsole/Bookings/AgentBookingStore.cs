using System.Text.Json;
using Dapper;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Sqlite;
using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.AgentConsole.Bookings;

/// <summary>Agents' bookings in the line's SQLite file, one row per handoff.</summary>
public sealed class AgentBookingStore(SqliteDatabase database, TimeProvider clock)
{
    private const string Columns =
        "handoff_id AS HandoffId, call_sid AS CallSid, agent AS Agent, state AS State, idempotency_key AS IdempotencyKey, request_id AS RequestId, " +
        "status AS Status, health_card AS HealthCard, waited_for_backend AS WaitedForBackend, created_at AS CreatedAt, updated_at AS UpdatedAt";

    /// <summary>Inserts the first booking of a handoff; false when it already has one (a double submit).</summary>
    public Task<bool> TryAddAsync(AgentBooking booking, string idempotencyKey, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO agent_bookings (handoff_id, call_sid, agent, state, idempotency_key, request_id, status, health_card, waited_for_backend, created_at, updated_at)
                VALUES (@HandoffId, @CallSid, @Agent, @State, @key, @RequestId, @Status, @HealthCardMasked, @WaitedForBackend, @now, @now)
                ON CONFLICT (handoff_id) DO NOTHING
                """,
                new
                {
                    booking.HandoffId,
                    booking.CallSid,
                    booking.Agent,
                    State = DbValues.Word(booking.State),
                    key = idempotencyKey,
                    booking.RequestId,
                    Status = Serialize(booking.Status),
                    booking.HealthCardMasked,
                    WaitedForBackend = booking.WaitedForBackend ? 1 : 0,
                    now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
                },
                cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    /// <summary>Records the request's latest status (and that a pending booking was submitted).</summary>
    public Task UpdateAsync(string handoffId, string requestId, BookingRequestStatus? status, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE agent_bookings SET state = 'submitted', request_id = @requestId, status = COALESCE(@status, status), updated_at = @now
                WHERE handoff_id = @handoffId
                """,
                new { handoffId, requestId, status = Serialize(status), now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>A saved booking the API refused when it was finally sent.</summary>
    public Task MarkRejectedAsync(string handoffId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE agent_bookings SET state = 'rejected', updated_at = @now WHERE handoff_id = @handoffId AND state = 'pending'",
                new { handoffId, now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>Makes room for a new attempt after a rejection (only a rejected row goes).</summary>
    public Task DeleteRejectedAsync(string handoffId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM agent_bookings WHERE handoff_id = @handoffId AND state = 'rejected'", new { handoffId }, cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<(AgentBooking Booking, string IdempotencyKey)?> GetAsync(string handoffId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM agent_bookings WHERE handoff_id = @handoffId", new { handoffId }, cancellationToken: cancellationToken));
        return row is null ? null : (row.ToBooking(), row.IdempotencyKey);
    }

    /// <summary>Bookings still moving, or that changed since <paramref name="since"/>: what the console shows and keeps fresh.</summary>
    public async Task<IReadOnlyList<(AgentBooking Booking, string IdempotencyKey)>> RecentAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM agent_bookings WHERE state = 'pending' OR updated_at >= @since ORDER BY created_at",
            new { since = since.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.ToBooking(), r.IdempotencyKey))];
    }

    private static string? Serialize(BookingRequestStatus? status) =>
        status is null ? null : JsonSerializer.Serialize(status, SchedulingJson.Options);

    private sealed record Row(
        string HandoffId, string CallSid, string Agent, string State, string IdempotencyKey, string? RequestId,
        string? Status, string? HealthCard, long WaitedForBackend, long CreatedAt, long UpdatedAt)
    {
        public AgentBooking ToBooking() => new(
            HandoffId, CallSid, Agent, DbValues.Enum<AgentBookingState>(State), RequestId,
            Status is null ? null : JsonSerializer.Deserialize<BookingRequestStatus>(Status, SchedulingJson.Options),
            HealthCard, WaitedForBackend != 0,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt));
    }
}
