using PhoneBooking.SchedulingApi;
using PhoneBooking.Storage;

var app = SchedulingApiApp.Create(args);
if (!await StorageStartup.TryMigrateBeforeStartAsync(app.Services, Console.Error, "PhoneBooking.SchedulingApi"))
{
    return 1;
}

await app.RunAsync();
return 0;

public partial class Program;
