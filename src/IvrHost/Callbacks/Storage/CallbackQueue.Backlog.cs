using Dapper;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Callbacks.Storage;

internal sealed partial class CallbackQueue
{
    public async Task<CallbackBacklog> BacklogAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = (await database.ReadAsync(connection => connection.QueryAsync<BacklogRow>(new CommandDefinition(
            $"""
            SELECT c.kind AS Kind, COUNT(*) AS Due, MIN({DueSince}) AS OldestDueSince
            FROM callbacks c LEFT JOIN callback_offers o ON o.request_id = c.request_id
            WHERE c.state = 'open' AND c.next_attempt_at <= @Now AND (c.kind <> 'offer' OR o.status = 'made')
            GROUP BY c.kind
            """,
            new { Now = Ms(now) },
            cancellationToken: cancellationToken)), cancellationToken)).ToList();
        return new CallbackBacklog(
            rows.ToDictionary(r => DbValues.Enum<CallbackKind>(r.Kind), r => (int)r.Due),
            rows.Count == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows.Min(r => r.OldestDueSince)));
    }

    /// <summary>Set by name: SQLite types aggregate columns only once a row is read, PostgreSQL's COUNT is a bigint.</summary>
    private sealed class BacklogRow
    {
        public string Kind { get; init; } = "";

        public long Due { get; init; }

        public long OldestDueSince { get; init; }
    }
}
