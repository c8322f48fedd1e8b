using System.Globalization;
using Dapper;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Integrity;

namespace PhoneBooking.IvrHost.Reconciliation;

/// <summary>
/// The line's outbound queue and deferred requests checked against the rules the dialer and the submitter
/// keep (docs/operations.md, "Reconcile"): an attempt counter that matches the attempts, no callback with two
/// calls at once or reaching a person twice, deferred requests either pending or submitted. Read-only; each
/// check one statement (one consistent state while the line runs); the same SQL on SQLite and PostgreSQL.
/// </summary>
internal sealed class LineReconciler(IDatabase database)
{
    /// <summary>An attempt not final yet: its call may still be ringing or talking.</summary>
    private const string Live = "('claimed', 'dialling', 'queued', 'initiated', 'ringing', 'in-progress')";

    public async Task<IReadOnlyList<IntegrityCheck>> RunAsync(CancellationToken cancellationToken) =>
    [
        new("attempts", "a callback's attempt counter = its attempts, numbered 1..n", await FindAsync(
            """
            SELECT c.id || ': counter ' || CAST(c.attempts AS TEXT) || ', attempts ' || CAST(count(a.number) AS TEXT) || ', highest ' || CAST(coalesce(max(a.number), 0) AS TEXT)
            FROM callbacks c LEFT JOIN callback_attempts a ON a.callback_id = c.id
            GROUP BY c.id, c.attempts
            HAVING count(a.number) <> c.attempts OR coalesce(max(a.number), 0) <> c.attempts
            ORDER BY c.id
            """,
            cancellationToken)),
        new("placed-once", "no callback has two calls at once, reaches a person twice, or has a call after it was settled", await FindAsync(
            $"""
            SELECT callback_id || ': ' || CAST(count(*) AS TEXT) || ' calls in progress at once' FROM callback_attempts
            WHERE state IN {Live} GROUP BY callback_id HAVING count(*) > 1
            UNION ALL
            SELECT callback_id || ': reached a person ' || CAST(count(*) AS TEXT) || ' times' FROM callback_attempts
            WHERE route = 'flow' GROUP BY callback_id HAVING count(*) > 1
            UNION ALL
            SELECT c.id || ': ' || c.state || ', but attempt ' || CAST(a.number AS TEXT) || ' is ' || a.state
            FROM callbacks c JOIN callback_attempts a ON a.callback_id = c.id
            WHERE c.state IN ('open', 'gave-up', 'refused', 'closed') AND a.state IN {Live}
            """,
            cancellationToken)),
        new("deferred", "a deferred request is pending (not sent yet) or submitted (with the API's request id) or rejected", await FindAsync(
            """
            SELECT idempotency_key || ': ' || status || CASE WHEN request_id IS NULL THEN ' without a request id' ELSE ' with request ' || request_id END
            FROM deferred_requests
            WHERE status NOT IN ('pending', 'submitted', 'rejected')
               OR (status = 'submitted' AND (request_id IS NULL OR submitted_at IS NULL))
               OR (status = 'pending' AND request_id IS NOT NULL)
            ORDER BY created_at
            """,
            cancellationToken)),
    ];

    private async Task<IReadOnlyList<string>> FindAsync(string sql, CancellationToken cancellationToken) =>
        [.. await database.ReadAsync(connection => connection.QueryAsync<string>(new CommandDefinition(sql, cancellationToken: cancellationToken)), cancellationToken)];
}
