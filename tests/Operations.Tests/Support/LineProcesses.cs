extern alias IvrHost;
extern alias SchedulingApi;

using System.Security.Cryptography;
using SchedulingApi::PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.Operations.Tests.Support;

/// <summary>
/// The line and the scheduling API as two processes in Production, as a deployment runs them: the
/// line calls the API at <c>Scheduling:BaseUrl</c> with its own key; each serves <c>/metrics</c> to
/// loopback. The API's demo sites and cohorts stand in for configured ones.
/// </summary>
internal sealed class LineProcesses : IAsyncDisposable
{
    private LineProcesses(ServerProcess api, ServerProcess line) => (Api, Line) = (api, line);

    public ServerProcess Api { get; }

    public ServerProcess Line { get; }

    /// <param name="lineSettings">More <c>--Key value</c> pairs for the line.</param>
    public static async Task<LineProcesses> StartAsync(params string[] lineSettings)
    {
        var key = ApiKeys.New();
        var apiPort = LoopbackPort.Free();
        var api = ServerProcess.Dotnet("scheduling-api", typeof(SchedulingApi::Program), apiPort,
        [
            "--Storage:DataDirectory", "data",
            "--Seed:Demo", "true",
            "--ApiClients:phone-line:Role", "PhoneLine",
            "--ApiClients:phone-line:KeySha256:0", ApiKeys.Sha256Hex(key),
            "--Security:HmacKey", ApiKeys.NewSecret(),
        ]);
        var line = ServerProcess.Dotnet("phone-line", typeof(IvrHost::Program), LoopbackPort.Free(),
        [
            "--Storage:DataDirectory", "data",
            "--Scheduling:BaseUrl", $"http://127.0.0.1:{apiPort}/",
            "--Scheduling:ApiKey", key,
            "--Twilio:AuthToken", "operations-tests-auth-token",

            // Outside Development the line refuses to start without a key for personal data at rest (docs/security.md).
            "--Encryption:Keys:ops", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            "--Callbacks:DialerEnabled", "false",
            .. lineSettings,
        ]);
        var processes = new LineProcesses(api, line);
        try
        {
            // Two cold starts of .NET on a machine shared with builds: generous, and still seconds on a quiet one.
            await Task.WhenAll(api.WaitUntilAnswersAsync("/health/ready", TimeSpan.FromSeconds(90)), line.WaitUntilAnswersAsync("/health/ready", TimeSpan.FromSeconds(90)));
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
