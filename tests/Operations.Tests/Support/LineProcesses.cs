extern alias IvrHost;
extern alias SchedulingApi;

using System.Security.Cryptography;
using PhoneBooking.Testing;
using SchedulingApi::PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.Operations.Tests.Support;

/// <summary>
/// The line and the scheduling API as two processes in Production, as a deployment runs them: the
/// line calls the API at <c>Scheduling:BaseUrl</c> with its own key; each serves <c>/metrics</c> to
/// loopback. The API's demo sites and cohorts stand in for configured ones.
/// </summary>
internal sealed class LineProcesses : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Production = new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

    private LineProcesses(ServiceProcess api, ServiceProcess line) => (Api, Line) = (api, line);

    public ServiceProcess Api { get; }

    public ServiceProcess Line { get; }

    /// <param name="lineSettings">More <c>--Key value</c> pairs for the line.</param>
    public static async Task<LineProcesses> StartAsync(params string[] lineSettings)
    {
        var key = ApiKeys.New();
        var api = ServiceProcess.Dotnet("scheduling-api", typeof(SchedulingApi::Program).Assembly.Location,
        [
            "--Storage:DataDirectory", "data",
            "--Seed:Demo", "true",
            "--ApiClients:phone-line:Role", "PhoneLine",
            "--ApiClients:phone-line:KeySha256:0", ApiKeys.Sha256Hex(key),
            "--Security:HmacKey", ApiKeys.NewSecret(),
        ], Production, inTempFolder: true);
        var line = ServiceProcess.Dotnet("phone-line", typeof(IvrHost::Program).Assembly.Location,
        [
            "--Storage:DataDirectory", "data",
            "--Scheduling:BaseUrl", api.BaseAddress.ToString(),
            "--Scheduling:ApiKey", key,
            "--Twilio:AuthToken", "operations-tests-auth-token",

            // Outside Development the line refuses to start without a key for personal data at rest (docs/security.md).
            "--Encryption:Keys:ops", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            "--Callbacks:DialerEnabled", "false",
            .. lineSettings,
        ], Production, inTempFolder: true);
        var processes = new LineProcesses(api, line);
        try
        {
            // Two cold starts of .NET on a machine shared with builds: generous, and still seconds on a quiet one.
            await Task.WhenAll(api.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), line.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)));
            return processes;
        }
        catch
        {
            await processes.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Line.DisposeAsync();
        await Api.DisposeAsync();
    }
}
