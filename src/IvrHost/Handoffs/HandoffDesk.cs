using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Encryption;

namespace PhoneBooking.IvrHost.Handoffs;

/// <summary>
/// Handoffs in the line's database (tables: <c>Handoffs/Migrations</c>), keyed by CallSid; a claim is a
/// compare-and-set on the status, so of two agents (on any instances) one wins. What the caller had given
/// (<see cref="HandoffDetails"/>: birth date, number, code…) is encrypted at rest, bound to its call.
/// </summary>
internal sealed class HandoffDesk(IDatabase database, DataCipher cipher, TimeProvider clock) : IHandoffDesk
{
    private const string Columns =
        "id AS Id, call_sid AS CallSid, reason AS Reason, reached_from AS ReachedFrom, locale AS Locale, details AS Details, status AS Status, claimed_by AS ClaimedBy, at AS At";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Task RecordAsync(CallSession session, CallState reachedFrom, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO handoffs (call_sid, id, reason, reached_from, locale, details, status, at)
                VALUES (@CallSid, @Id, @Reason, @ReachedFrom, @Locale, @Details, 'waiting', @At)
                ON CONFLICT (call_sid) DO NOTHING
                """,
                new
                {
                    session.CallSid,
                    Id = Guid.CreateVersion7(clock.GetUtcNow()).ToString("N"),
                    Reason = DbValues.Word(session.Handoff ?? HandoffReason.CallerAsked),
                    ReachedFrom = DbValues.Word(reachedFrom),
                    session.Locale,
                    Details = cipher.Encrypt(JsonSerializer.Serialize(HandoffDetails.From(session), Json), Context(session.CallSid)),
                    At = clock.GetUtcNow().ToUnixTimeMilliseconds(),
                },
                cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<Handoff?> GetAsync(string callSid, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection => (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM handoffs WHERE call_sid = @callSid", new { callSid }, cancellationToken: cancellationToken)))?.ToHandoff(cipher),
            cancellationToken);

    public async Task<IReadOnlyList<Handoff>> OpenAsync(CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(
            connection => connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM handoffs WHERE status IN ('waiting', 'claimed', 'callback_requested') ORDER BY at", cancellationToken: cancellationToken)),
            cancellationToken);
        return [.. rows.Select(r => r.ToHandoff(cipher))];
    }

    public async Task<IReadOnlyDictionary<HandoffStatus, int>> CountOpenAsync(CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(
            connection => connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
                "SELECT status, COUNT(*) FROM handoffs WHERE status IN ('waiting', 'claimed', 'callback_requested') GROUP BY status", cancellationToken: cancellationToken)),
            cancellationToken);
        return rows.ToDictionary(r => DbValues.Enum<HandoffStatus>(r.Status), r => (int)r.Count);
    }

    public Task<bool> ClaimAsync(string callSid, string agent, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE handoffs SET status = 'claimed', claimed_by = @agent WHERE call_sid = @callSid AND status = 'waiting'",
                new { callSid, agent }, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public Task<bool> ReleaseAsync(string callSid, string agent, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE handoffs SET status = 'waiting', claimed_by = NULL WHERE call_sid = @callSid AND status = 'claimed' AND lower(claimed_by) = lower(@agent)",
                new { callSid, agent }, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public Task CompleteAsync(string callSid, string agent, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE handoffs SET status = 'completed', claimed_by = COALESCE(claimed_by, @agent) WHERE call_sid = @callSid",
                new { callSid, agent }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<bool> CallerLeftAsync(string callSid, HandoffStatus status, CancellationToken cancellationToken)
    {
        if (status is not (HandoffStatus.CallbackRequested or HandoffStatus.Abandoned))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A caller leaves the queue for a call back or by hanging up.");
        }

        return database.WriteAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE handoffs SET status = @status WHERE call_sid = @callSid AND status = 'waiting'",
                new { callSid, status = DbValues.Word(status) }, cancellationToken: cancellationToken)) == 1,
            cancellationToken);
    }

    private static string Context(string callSid) => $"handoffs.details/{callSid}";

    private sealed record Row(string Id, string CallSid, string Reason, string ReachedFrom, string Locale, string Details, string Status, string? ClaimedBy, long At)
    {
        public Handoff ToHandoff(DataCipher cipher) => new(
            Id, CallSid, DbValues.Enum<HandoffReason>(Reason), DbValues.Enum<CallState>(ReachedFrom), Locale,
            DateTimeOffset.FromUnixTimeMilliseconds(At),
            JsonSerializer.Deserialize<HandoffDetails>(cipher.Decrypt(Details, Context(CallSid)), Json)!,
            DbValues.Enum<HandoffStatus>(Status), ClaimedBy);
    }
}
