using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Postgres;

/// <summary>
/// The API as an operator starts it: its own process (<c>dotnet PhoneBooking.SchedulingApi.dll</c>, the
/// program <c>dotnet run --project src/SchedulingApi</c> builds and runs) with settings on the command line.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("api-process-").FullName;

    private ApiProcess(int port, IEnumerable<string> arguments)
    {
        Port = port;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(SchedulingApiApp).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data, StandardError);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>The process's content root (its working directory).</summary>
    public string Folder => _folder;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>What the process wrote to stderr, line by line.</summary>
    public List<string> StandardError { get; } = [];

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

    /// <summary>
    /// Starts the API in Production with <paramref name="settings"/> and what Production requires besides
    /// storage: an HMAC key, one client (the bench, whose key is <see cref="TestSettings.BenchKey"/>) and
    /// the demo data, asked for explicitly.
    /// </summary>
    public static ApiProcess Start(params string[] settings)
    {
        var port = FreePort();
        return new ApiProcess(
            port,
            [
                "--urls", $"http://127.0.0.1:{port}",
                "--Storage:DataDirectory", "data",
                "--Security:HmacKey", TestSettings.HmacKey,
                "--ApiClients:bench:Role", "Bench",
                "--ApiClients:bench:KeySha256:0", SchedulingApi.Security.ApiKeys.Sha256Hex(TestSettings.BenchKey),
                "--Seed:Demo", "true",
                .. settings,
            ]);
    }

    /// <summary>A client of this process speaking as the bench client.</summary>
    public HttpClient NewClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", TestSettings.BenchKey);
        return client;
    }

    /// <summary>Waits for the process to end by itself; its exit code, or null if it was still running after <paramref name="limit"/>.</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            _process.WaitForExit(); // flushes the redirected output
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Polls /health/ready until 200; throws with the process's output if it never gets there.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode}:\n{Output}");
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

            await Task.Delay(100);
        }

        throw new TimeoutException($"The API was not ready within {limit}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Append(string? line, List<string>? also = null)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            also?.Add(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
