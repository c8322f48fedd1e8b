using PhoneBooking.SchedulingApi;
using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.Storage;

if (SecretCommands.TryRun(args, Console.Out))
{
    return 0;
}

var app = SchedulingApiApp.Create(args);
if (!await StorageStartup.TryMigrateBeforeStartAsync(app.Services, System.Reflection.Assembly.GetExecutingAssembly(), Console.Error))
{
    return 1;
}

await app.RunAsync();
return 0;

public partial class Program;
