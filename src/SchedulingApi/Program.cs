using PhoneBooking.SchedulingApi;
using PhoneBooking.SchedulingApi.Reconciliation;
using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.ServiceDefaults;
using PhoneBooking.Storage;

if (SecretCommands.TryRun(args, Console.Out))
{
    return 0;
}

if (await ReconcileCommand.TryRunAsync(args, Console.Out, Console.Error) is { } reconciled)
{
    return reconciled;
}

// Standalone: its own logging and telemetry. Embedded in the line, it logs through the line's.
var app = SchedulingApiApp.Create(args, builder => builder.AddServiceDefaults());
if (!await StorageStartup.TryMigrateBeforeStartAsync(app.Services, System.Reflection.Assembly.GetExecutingAssembly(), Console.Error))
{
    return 1;
}

await app.RunAsync();
return 0;

public partial class Program;
