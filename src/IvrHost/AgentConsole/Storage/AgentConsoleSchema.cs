using PhoneBooking.IvrHost.AgentConsole.Incidents;
using PhoneBooking.Storage.Migrations;

namespace PhoneBooking.IvrHost.AgentConsole.Storage;

/// <summary>
/// The console's tables (audit, sign-in failures, incident notice, agents' bookings, server-side
/// sessions, claim activity), in the line's
/// database next to the handoffs they work on: <c>AgentConsole/Storage/Migrations</c>. At start (the
/// tables exist by then) the incident message is read once, so the first call does not.
/// </summary>
internal sealed class AgentConsoleSchema(StoredIncidentBoard incidents) : IHostedService
{
    public static readonly FeatureSchema Schema = new("console", typeof(AgentConsoleSchema).Assembly, "AgentConsole/Storage/Migrations");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = incidents.Current;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
