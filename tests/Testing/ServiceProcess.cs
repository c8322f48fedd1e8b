using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PhoneBooking.Testing;

/// <summary>
/// A server as an operator runs it: its own child process on a loopback port, configured by environment
/// variables or its command line — so SIGTERM, SIGKILL, exit codes and the time to exit are the real ones,
/// which an in-process test host cannot show. One of ours (<see cref="Start"/>, <see cref="Dotnet"/>) or any
/// other program (<see cref="Executable"/>: Prometheus). Dispose kills what still runs and removes a temp
/// working folder it made.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _standardError = new();
    private readonly bool _ownsFolder;

    private ServiceProcess(string name, ProcessStartInfo start, int port, bool ownsFolder)
    {
        (Name, Port, _ownsFolder) = (name, port, ownsFolder);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["DOTNET_NOLOGO"] = "1";
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data, _standardError);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The process's working folder (for our programs started in a temp folder, their content root and relative data).</summary>
    public string Folder => _process.StartInfo.WorkingDirectory;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What it wrote to stdout and stderr so far.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>What it wrote to stderr so far, line by line.</summary>
    public IReadOnlyList<string> StandardError => [.. _standardError];

    /// <summary>
    /// A service of ours built alongside the tests, as deployed: <c>dotnet {assembly}.dll</c> in its build folder
    /// (<c>src/{project}/bin/…</c>, its content root), settings as environment variables (<c>A:B</c> becomes <c>A__B</c>).
    /// </summary>
    /// <param name="project">The project's folder under <c>src/</c> (e.g. <c>IvrHost</c>).</param>
    /// <param name="assembly">Its dll's name without <c>.dll</c> (e.g. <c>PhoneBooking.IvrHost</c>).</param>
    /// <param name="port">The loopback port to listen on (<see cref="FreePort"/>; a restart reuses the old one).</param>
    public static ServiceProcess Start(string project, string assembly, IDictionary<string, string?> environment, int? port = null) =>
        Dotnet(assembly, Path.Combine(BuiltProjectDirectory(project), assembly + ".dll"), [], environment, port);

    /// <summary>
    /// <c>dotnet {dll} --urls http://127.0.0.1:{port}</c> with <paramref name="arguments"/> (e.g. <c>--Key value</c>) and
    /// <paramref name="environment"/> (<c>A:B</c> becomes <c>A__B</c>), in the dll's folder, or with
    /// <paramref name="inTempFolder"/> in a new temp folder (<see cref="Folder"/>: relative paths land there).
    /// </summary>
    public static ServiceProcess Dotnet(string name, string dll, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>>? environment = null, int? port = null, bool inTempFolder = false)
    {
        var listen = port ?? FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = inTempFolder ? Directory.CreateTempSubdirectory($"{name}-").FullName : Path.GetDirectoryName(dll)!,
        };
        foreach (var argument in (string[])[dll, "--urls", $"http://127.0.0.1:{listen}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new ServiceProcess(name, start, listen, ownsFolder: inTempFolder);
    }

    /// <summary>Another program (e.g. <c>/usr/bin/prometheus</c>), told its free loopback port by <paramref name="arguments"/>, in a new temp folder.</summary>
    public static ServiceProcess Executable(string name, string path, Func<int, IEnumerable<string>> arguments)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: ./test.sh installs the Debian packages the tests need.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo(path) { WorkingDirectory = Directory.CreateTempSubdirectory($"{name}-").FullName };
        foreach (var argument in arguments(port))
        {
            start.ArgumentList.Add(argument);
        }

        return new ServiceProcess(name, start, port, ownsFolder: true);
    }

    /// <summary>A loopback port free at the time of asking (probe: bind port 0, read it, let it go).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (migrations done, checks passing).</summary>
    public Task WaitUntilReadyAsync(TimeSpan within) => WaitUntilAnswersAsync("health/ready", within);

    /// <summary>Polls <paramref name="path"/> until it answers 200; throws with the process's output if it exits or never does.</summary>
    public async Task WaitUntilAnswersAsync(string path, TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited ({_process.ExitCode}) before {path} answered:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync(path.TrimStart('/'));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} did not answer {path} within {within}:{Environment.NewLine}{Output}");
    }

    /// <summary>SIGTERM, as a deploy, a scale-in or <c>systemctl stop</c> sends it.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL, and waits until it is gone: no shutdown code runs, as when a machine dies.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>The exit code once it ends by itself, or a <see cref="TimeoutException"/> if still running after <paramref name="within"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} still running {within} later:{Environment.NewLine}{Output}");
        }

        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>The last <paramref name="lines"/> lines of <see cref="Output"/>, for a failure message.</summary>
    public string Tail(int lines = 40) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (_ownsFolder)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still being released: the temp folder is the system's to clean.
            }
        }
    }

    private void Keep(string? line, ConcurrentQueue<string>? also = null)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            also?.Enqueue(line);
        }
    }

    /// <summary>
    /// <c>src/{project}/bin/{Configuration}/{tfm}</c>, the configuration and framework this test was built
    /// with (a project reference builds the service alongside the tests).
    /// </summary>
    private static string BuiltProjectDirectory(string project)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PhoneBooking.sln")))
        {
            root = root.Parent;
        }

        var directory = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("PhoneBooking.sln not found above the test output."), "src", project, "bin", configuration, framework);
        return Directory.Exists(directory) ? directory : throw new DirectoryNotFoundException($"{directory}: build src/{project} first.");
    }
}
