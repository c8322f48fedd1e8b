using PhoneBooking.SchedulingApi;
using PhoneBooking.ServiceDefaults;

// Standalone: its own logging and telemetry. Embedded in the line, it logs through the line's.
SchedulingApiApp.Create(args, builder => builder.AddServiceDefaults()).Run();

public partial class Program;
