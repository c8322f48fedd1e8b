using System.Diagnostics;
using System.Net.Sockets;
using PhoneBooking.Testing;

namespace PhoneBooking.EndToEnd.Tests.Hosting;

/// <summary>
/// Debian's HAProxy in front of line instances, as a deploy puts a balancer in front of them, on a free
/// loopback port (config in a temp file, <c>-db</c>: foreground, stopped with the test). Its servers are
/// slots by port, as a platform's endpoints are: a slot with nothing listening is simply DOWN, so a deploy can
/// start a replacement on a spare slot before it stops the old instance (Kubernetes' maxSurge 1, maxUnavailable 0:
/// deploy/kubernetes/line.yaml). It checks <c>/health/ready</c> every 250 ms and takes an instance out after two
/// failures — what a draining instance's readiness is for; a connection that fails or closes before any answer
/// (an instance that has just stopped) is retried on another instance (webhooks are safe to repeat: the line
/// answers a replayed turn as the first time).
/// </summary>
public sealed class Haproxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _config;

    private readonly Uri _stats;

    private Haproxy(Process process, string config, Uri baseAddress, Uri stats)
    {
        _process = process;
        _config = config;
        BaseAddress = baseAddress;
        _stats = stats;
    }

    /// <summary>How often it checks each instance's readiness (with several instances).</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(250);

    public Uri BaseAddress { get; }

    public static async Task<Haproxy> StartAsync(IReadOnlyList<int> slotPorts)
    {
        var port = ServiceProcess.FreePort();
        var statsPort = ServiceProcess.FreePort();
        var servers = string.Join(Environment.NewLine, slotPorts.Select(p => $"    server {ServerName(p)} 127.0.0.1:{p} check"));
        var config = Path.Combine(Path.GetTempPath(), $"haproxy-{Guid.NewGuid():N}.cfg");
        await File.WriteAllTextAsync(config, $"""
            global
                maxconn 4096
            defaults
                mode http
                timeout connect 1s
                timeout client 30s
                timeout server 30s
                timeout check 2s
                retries 30
                retry-on conn-failure empty-response
                option redispatch 1
            listen line
                bind 127.0.0.1:{port}
                option httpchk GET /health/ready
                default-server inter {(int)CheckInterval.TotalMilliseconds}ms fall 2 rise 1
            {servers}
            listen stats
                bind 127.0.0.1:{statsPort}
                stats enable
                stats uri /stats

            """);
        var start = new ProcessStartInfo(File.Exists("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-db", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("haproxy did not start (apt-get install haproxy).");
        process.OutputDataReceived += (_, _) => { }; // read, so a full pipe never blocks it
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new Haproxy(process, config, new Uri($"http://127.0.0.1:{port}/"), new Uri($"http://127.0.0.1:{statsPort}/stats;csv"));
        await proxy.WaitListeningAsync(port);
        return proxy;
    }

    /// <summary>
    /// Waits (bounded, real time) until HAProxy's own checks see the instance on <paramref name="port"/> UP: before that,
    /// stopping the one it replaces could leave the balancer with none and callers would get its 503.
    /// </summary>
    public async Task WaitUntilUpAsync(int port, TimeSpan within)
    {
        using var http = new HttpClient();
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        var status = "";
        while (Stopwatch.GetTimestamp() < deadline)
        {
            // CSV columns: pxname, svname, …, status (the 18th).
            var row = (await http.GetStringAsync(_stats)).Split('\n').Select(line => line.Split(','))
                .FirstOrDefault(columns => columns.Length > 17 && columns[0] == "line" && columns[1] == ServerName(port));
            status = row?[17] ?? "absent";
            if (status.StartsWith("UP", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(CheckInterval);
        }

        throw new TimeoutException($"HAProxy still sees {ServerName(port)} as '{status}' after {within}.");
    }

    private static string ServerName(int port) => $"line-{port}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(_config);
    }

    private async Task WaitListeningAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited ({_process.ExitCode}): run `haproxy -c -f {_config}` to see why.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("haproxy is not listening after 5 s.");
    }
}
