using PhoneBooking.SchedulingApi;

SchedulingApiApp.Create(args).Run();

public partial class Program;
