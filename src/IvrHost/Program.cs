using PhoneBooking.IvrHost.AgentConsole;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.EmbeddedApi;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Health;
using PhoneBooking.IvrHost.Observability;
using PhoneBooking.IvrHost.Outbound;
using PhoneBooking.IvrHost.Reconciliation;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.SchedulingClient;
using PhoneBooking.ServiceDefaults;
using PhoneBooking.Storage;
using PhoneBooking.Twilio;

if (PasswordHashCommand.Matches(args))
{
    return PasswordHashCommand.Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
}

if (await LineReconcileCommand.TryRunAsync(args, Console.Out, Console.Error) is { } reconciled)
{
    return reconciled;
}

var builder = WebApplication.CreateBuilder(args);

// Every feature registers itself, in any order.
builder.AddServiceDefaults();
builder.Services.AddIvrMetrics();
builder.AddEmbeddedSchedulingApi();
builder.Services.AddLineStorage(builder.Configuration);
builder.Services.AddCallSessions(builder.Configuration);
builder.Services.AddSchedulingClient(builder.Configuration);
builder.Services.AddTwilio(builder.Configuration);
builder.Services.AddPrompts(builder.Configuration);
builder.Services.AddLineHealthChecks(builder.Configuration);
builder.Services.AddOutboundPolicy(builder.Configuration);
builder.Services.AddVoice(builder.Configuration);
builder.Services.AddDeferredRequests(builder.Configuration);
builder.Services.AddHandoffs();
builder.Services.AddCallbacks(builder.Configuration);
builder.Services.AddAgentConsole(builder.Configuration);

var app = builder.Build();
if (!await StorageStartup.TryMigrateBeforeStartAsync(app.Services, System.Reflection.Assembly.GetExecutingAssembly(), Console.Error))
{
    return 1;
}

app.MapDefaultEndpoints();
app.UsePromptAudio();
app.UseAgentConsole();
app.MapVoice();
app.MapHandoffs();
app.MapCallbacks();

await app.RunAsync();
return 0;

public partial class Program;
