using PhoneBooking.SchedulingApi;
using PhoneBooking.SchedulingApi.Security;

if (SecretCommands.TryRun(args, Console.Out))
{
    return;
}

SchedulingApiApp.Create(args).Run();

public partial class Program;
