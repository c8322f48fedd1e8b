using PhoneBooking.SchedulingApi;
using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.ServiceDefaults;

if (SecretCommands.TryRun(args, Console.Out))
{
    return;
}

// Standalone: its own logging and telemetry. Embedded in the line, it logs through the line's.
SchedulingApiApp.Create(args, builder => builder.AddServiceDefaults()).Run();

public partial class Program;
