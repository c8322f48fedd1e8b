using Dapper;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.AgentConsole.Incidents;
using PhoneBooking.IvrHost.Sessions.Sqlite;

namespace PhoneBooking.IvrHost.AgentConsole.Storage;

/// <summary>
/// Creates the console's tables in the line's SQLite file (next to the handoffs it works on) while
/// the host starts, and reads the incident message once so the first call does not.
/// </summary>
internal sealed class AgentConsoleSchema(SqliteSessionDatabase database, StoredIncidentBoard incidents) : IHostedService
{
    public const string Create = AuditTrail.Schema + SignInThrottle.Schema + StoredIncidentBoard.Schema + AgentBookingStore.Schema;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(Create, cancellationToken: cancellationToken)),
            cancellationToken);
        _ = incidents.Current;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
