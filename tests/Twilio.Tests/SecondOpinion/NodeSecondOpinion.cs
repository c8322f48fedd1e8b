using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace PhoneBooking.Twilio.Tests.SecondOpinion;

/// <summary>
/// Runs tests/Twilio.Tests/node/second-opinion.js: Twilio's official Node helper (npm <c>twilio</c>,
/// version pinned in package.json). Missing Node or module fails the test with how to install it;
/// it never skips quietly.
/// </summary>
public static class NodeSecondOpinion
{
    private static readonly string Directory = typeof(NodeSecondOpinion).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NodeSecondOpinionDir").Value!;

    public static async Task<JsonElement> AskAsync(object request)
    {
        if (!File.Exists(Path.Combine(Directory, "node_modules", "twilio", "package.json")))
        {
            throw new InvalidOperationException(
                $"Twilio's Node helper is not installed in {Directory}. Run `./test.sh` (the README's test command installs it), or `npm ci --prefix tests/Twilio.Tests/node`.");
        }

        var start = new ProcessStartInfo("node", ["second-opinion.js"])
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "Node.js is not on PATH; the Twilio second-opinion tests need it. Run `./test.sh` (the README's test command installs both), "
                + "or `apt-get install -y nodejs npm` then `npm ci --prefix tests/Twilio.Tests/node`.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(request));
            process.StandardInput.Close();
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(guard.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"second-opinion.js exited with {process.ExitCode}: {await errors}");
            }

            using var json = JsonDocument.Parse(await output);
            return json.RootElement.Clone();
        }
    }
}
