using System.Text.Json;
using Dapper;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Encryption;

namespace PhoneBooking.IvrHost.AgentConsole.Bookings;

/// <summary>
/// Agents' bookings in the line's database, one row per handoff. The request's status (its offer, its
/// confirmation code) and the masked health card are encrypted at rest, bound to their handoff.
/// </summary>
public sealed class AgentBookingStore(IDatabase database, DataCipher cipher, TimeProvider clock)
{
    private const string Columns =
        "handoff_id, call_sid, agent, state, idempotency_key, request_id, status, health_card, waited_for_backend, created_at, updated_at";

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
                    Status = Serialize(booking.HandoffId, booking.Status),
                    HealthCardMasked = cipher.EncryptOrNull(booking.HealthCardMasked, HealthCardContext(booking.HandoffId)),
                    booking.WaitedForBackend,
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
                new { handoffId, requestId, status = Serialize(handoffId, status), now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
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
        var row = await database.ReadAsync(
            connection => connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM agent_bookings WHERE handoff_id = @handoffId", new { handoffId }, cancellationToken: cancellationToken)),
            cancellationToken);
        return row is null ? null : (row.ToBooking(cipher), row.IdempotencyKey);
    }

    /// <summary>Bookings still moving, or that changed since <paramref name="since"/>: what the console shows and keeps fresh.</summary>
    public async Task<IReadOnlyList<(AgentBooking Booking, string IdempotencyKey)>> RecentAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(
            connection => connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM agent_bookings WHERE state = 'pending' OR updated_at >= @since ORDER BY created_at",
                new { since = since.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)),
            cancellationToken);
        return [.. rows.Select(r => (r.ToBooking(cipher), r.IdempotencyKey))];
    }

    private static string StatusContext(string handoffId) => $"agent_bookings.status/{handoffId}";

    private static string HealthCardContext(string handoffId) => $"agent_bookings.health_card/{handoffId}";

    private string? Serialize(string handoffId, BookingRequestStatus? status) =>
        status is null ? null : cipher.Encrypt(JsonSerializer.Serialize(status, SchedulingJson.Options), StatusContext(handoffId));

    /// <summary>Properties, not a constructor: a boolean is an integer on SQLite and a boolean on PostgreSQL, and Dapper converts only what it sets.</summary>
    private sealed class Row
    {
        public string HandoffId { get; init; } = "";

        public string CallSid { get; init; } = "";

        public string Agent { get; init; } = "";

        public string State { get; init; } = "";

        public string IdempotencyKey { get; init; } = "";

        public string? RequestId { get; init; }

        public string? Status { get; init; }

        public string? HealthCard { get; init; }

        public bool WaitedForBackend { get; init; }

        public long CreatedAt { get; init; }

        public long UpdatedAt { get; init; }

        public AgentBooking ToBooking(DataCipher cipher) => new(
            HandoffId, CallSid, Agent, DbValues.Enum<AgentBookingState>(State), RequestId,
            cipher.DecryptOrNull(Status, StatusContext(HandoffId)) is { } status ? JsonSerializer.Deserialize<BookingRequestStatus>(status, SchedulingJson.Options) : null,
            cipher.DecryptOrNull(HealthCard, HealthCardContext(HandoffId)), WaitedForBackend,
            DbValues.Instant(CreatedAt), DbValues.Instant(UpdatedAt));
    }
}
