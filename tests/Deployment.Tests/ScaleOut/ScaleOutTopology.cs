using System.Diagnostics;
using Npgsql;
using PhoneBooking.Testing;

namespace PhoneBooking.Deployment.Tests.ScaleOut;

/// <summary>
/// deploy/local/scale-out.sh run as an operator runs it (start, stop), on free loopback ports and a temp folder,
/// with the builds this test was built with: PostgreSQL, API instances, line instances, HAProxy in front.
/// </summary>
internal sealed class ScaleOutTopology : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;

    private ScaleOutTopology(int apis, int lines, IReadOnlyDictionary<string, string> settings)
    {
        LinePort = ServiceProcess.FreePort();
        ApiPort = ServiceProcess.FreePort();
        PgPort = ServiceProcess.FreePort();
        _environment = new Dictionary<string, string>(settings, StringComparer.Ordinal)
        {
            ["SCALE_DIR"] = Folder,
            ["LINE_PORT"] = $"{LinePort}",
            ["API_PORT"] = $"{ApiPort}",
            ["PG_PORT"] = $"{PgPort}",
            ["API_PORTS"] = string.Join(' ', Enumerable.Range(0, apis).Select(_ => ServiceProcess.FreePort())),
            ["LINE_PORTS"] = string.Join(' ', Enumerable.Range(0, lines).Select(_ => ServiceProcess.FreePort())),
            ["API_DLL"] = BuildOutput("SchedulingApi"),
            ["LINE_DLL"] = BuildOutput("IvrHost"),
            // The softphone's default: the line checks every webhook's signature with it.
            ["TWILIO_AUTH_TOKEN"] = Softphone.Engine.SoftphoneOptions.LocalAuthToken,
        };
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("scale-out-").FullName;

    public int LinePort { get; }

    public int ApiPort { get; }

    public int PgPort { get; }

    public Uri Line => new($"http://127.0.0.1:{LinePort}/");

    public Uri Api => new($"http://127.0.0.1:{ApiPort}/");

    public string Database => $"Host=127.0.0.1;Port={PgPort};Database=phonebooking;Username=postgres;Pooling=false";

    /// <summary>The bench client's key at the API (made by the script, in secrets.env).</summary>
    public string BenchApiKey => Secret("BENCH_API_KEY");

    public static async Task<ScaleOutTopology> StartAsync(int apis, int lines, IReadOnlyDictionary<string, string>? settings = null)
    {
        var topology = new ScaleOutTopology(apis, lines, settings ?? new Dictionary<string, string>());
        try
        {
            var (exitCode, output) = await topology.ScriptAsync("start", TimeSpan.FromMinutes(4));
            Assert.True(exitCode == 0, $"scale-out.sh start exited with {exitCode}:\n{output}");
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    /// <summary>The port instance <paramref name="instance"/> (api-1, line-2, …) listens on, behind the balancer.</summary>
    public int InstancePort(string instance)
    {
        var (variable, index) = instance.Split('-') is [var tier, var number] ? (tier == "api" ? "API_PORTS" : "LINE_PORTS", int.Parse(number, System.Globalization.CultureInfo.InvariantCulture) - 1) : throw new ArgumentException(instance);
        return int.Parse(_environment[variable].Split(' ')[index], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The log of one instance (api-1, line-2, …).</summary>
    public string Log(string instance) => File.ReadAllText(Path.Combine(Folder, "logs", $"{instance}.log"));

    /// <summary>
    /// The last lines of every process's log (the folder is deleted with the topology): appended to a failed call's
    /// message, so a red CI run says which instance did what instead of only that the caller went to a person.
    /// </summary>
    public string LogTails(int lines = 25) => string.Join('\n', Directory.EnumerateFiles(Path.Combine(Folder, "logs")).Order(StringComparer.Ordinal)
        .Select(file => $"--- {Path.GetFileName(file)} (last {lines} lines)\n" + string.Join('\n', File.ReadLines(file).TakeLast(lines))));

    /// <summary>SIGKILL: the instance dies with no shutdown code run, as when its machine is lost.</summary>
    public void Kill(string instance)
    {
        using var process = Process.GetProcessById(int.Parse(File.ReadAllText(Path.Combine(Folder, "run", $"{instance}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        process.Kill();
        process.WaitForExit();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await ScriptAsync("stop", TimeSpan.FromMinutes(1));
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // The cluster's files belong to the postgres user until it has stopped; the OS cleans temp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string Secret(string name) =>
        File.ReadAllLines(Path.Combine(Folder, "secrets.env")).Single(line => line.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    private async Task<(int ExitCode, string Output)> ScriptAsync(string command, TimeSpan limit)
    {
        var start = new ProcessStartInfo("bash", [RepositoryPaths.ScaleOutScript, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"did not finish within {limit}\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>src/&lt;project&gt;/bin/&lt;configuration&gt;/&lt;tfm&gt;/PhoneBooking.&lt;project&gt;.dll: what this test project's build built.</summary>
    private static string BuildOutput(string project)
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var path = Path.Combine(RepositoryPaths.Root, "src", project, "bin", tfm.Parent!.Name, tfm.Name, $"PhoneBooking.{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"No build of {project} at {path}");
    }
}
