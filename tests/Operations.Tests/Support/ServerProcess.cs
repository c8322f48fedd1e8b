using System.Diagnostics;
using System.Net;
using System.Text;

namespace PhoneBooking.Operations.Tests.Support;

/// <summary>
/// A server started as an operator starts it — its own process, settings on the command line, a temp
/// working folder — that a test can wait for, read the output of, and kill without warning (SIGKILL).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(string name, string executable, IEnumerable<string> arguments, int port, IReadOnlyDictionary<string, string>? environment)
    {
        Name = name;
        Port = port;
        Folder = Directory.CreateTempSubdirectory($"ops-{name}-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The process's working folder (its content root, and its data).</summary>
    public string Folder { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary><c>dotnet</c> running one of our programs (the assembly of <paramref name="program"/>), in Production unless told otherwise.</summary>
    public static ServerProcess Dotnet(string name, Type program, int port, IEnumerable<string> arguments, string environment = "Production") =>
        new(name, "dotnet", [program.Assembly.Location, "--urls", $"http://127.0.0.1:{port}", .. arguments], port,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = environment, ["DOTNET_NOLOGO"] = "1" });

    public static ServerProcess Start(string name, string executable, IEnumerable<string> arguments, int port)
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: apt-get install -y prometheus (./test.sh installs it).");
        }

        return new ServerProcess(name, executable, arguments, port, environment: null);
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; throws with the process's output if it never does.</summary>
    public async Task WaitUntilAnswersAsync(string path, TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} did not answer {path} within {limit}:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown, no drain, as a lost machine.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still being released: the temp folder is cleaned by the system.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
