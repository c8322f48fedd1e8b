using Dapper;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.AgentConsole.Calls;
using PhoneBooking.IvrHost.AgentConsole.Incidents;
using PhoneBooking.IvrHost.Sessions.Sqlite;

namespace PhoneBooking.IvrHost.AgentConsole.Storage;

/// <summary>
/// Creates the console's tables in the line's SQLite file (next to the handoffs it works on) while
/// the host starts, and reads the incident message once so the first call does not.
/// </summary>
internal sealed class AgentConsoleSchema(SqliteSessionDatabase database, StoredIncidentBoard incidents) : IHostedService
{
    public const string Create = AuditTrail.Schema + SignInThrottle.Schema + StoredIncidentBoard.Schema + AgentBookingStore.Schema
        + ConsoleSessions.Schema + ClaimActivity.Schema;

    /// <summary>Columns added after their table first shipped: a file made by an older line gets them at start.</summary>
    private static readonly (string Table, string Column, string Type)[] AddedColumns =
    [
        ("agent_audit", AuditTrail.SourceColumn, "TEXT NULL"),
        ("agent_sign_in_failures", SignInThrottle.LastAccountColumn, "TEXT NULL"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.WriteAsync(
            async connection =>
            {
                await connection.ExecuteAsync(new CommandDefinition(Create, cancellationToken: cancellationToken));
                foreach (var (table, column, type) in AddedColumns)
                {
                    var has = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                        "SELECT count(*) FROM pragma_table_info(@table) WHERE name = @column", new { table, column }, cancellationToken: cancellationToken));
                    if (has == 0)
                    {
                        await connection.ExecuteAsync(new CommandDefinition($"ALTER TABLE {table} ADD COLUMN {column} {type}", cancellationToken: cancellationToken));
                    }
                }

                return 0;
            },
            cancellationToken);
        _ = incidents.Current;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
