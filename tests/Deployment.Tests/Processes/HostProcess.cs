using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PhoneBooking.Deployment.Tests.Processes;

/// <summary>
/// The line or the API as an operator runs it: <c>dotnet &lt;program&gt;.dll</c> in its build folder (its content
/// root: appsettings.json, prompts/), settings from environment variables, on a free loopback port. Dispose stops it
/// gracefully; <see cref="Kill"/> is SIGKILL: no shutdown code runs, as when a machine dies.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(string name, string dll, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        Port = port;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in environment)
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

    public int Id => _process.Id;

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

    /// <summary>Starts <paramref name="dll"/> with exactly <paramref name="environment"/> added to this process's environment.</summary>
    public static HostProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment) =>
        new(name, dll, FreePort(), environment);

    /// <summary>Polls /health/ready until 200; throws with the process's output if it exits or never gets there.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Tail()}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} was not ready within {limit}:\n{Tail()}");
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false); // SIGKILL on Unix
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public string Tail(int lines = 40) => string.Join('\n', Output.Split('\n').TakeLast(lines));

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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
