using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PhoneBooking.Testing;

namespace PhoneBooking.Operations.Tests.Prometheus;

/// <summary>
/// Debian's Prometheus (<c>/usr/bin/prometheus</c>) on a free loopback port with a temp configuration:
/// scrapes the given targets and evaluates the given rules every <c>interval</c>. Read through its HTTP API.
/// </summary>
internal sealed partial class PrometheusServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/prometheus";

    private readonly ServiceProcess _process;
    private readonly string _folder;
    private readonly HttpClient _http;

    private PrometheusServer(ServiceProcess process, string folder)
    {
        _process = process;
        _folder = folder;
        _http = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    public string Output => _process.Output;

    /// <param name="targets">Job name and the host:port it scrapes at <c>/metrics</c>.</param>
    /// <param name="rules">Rules files as text, written next to the configuration.</param>
    public static async Task<PrometheusServer> StartAsync(IEnumerable<(string Job, Uri Target)> targets, IEnumerable<string> rules, TimeSpan interval)
    {
        var folder = Directory.CreateTempSubdirectory("ops-prometheus-config-").FullName;
        var ruleFiles = rules.Select((text, i) =>
        {
            var path = Path.Combine(folder, $"rules-{i}.yml");
            File.WriteAllText(path, text);
            return path;
        }).ToList();

        var seconds = $"{interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
        List<string> config =
        [
            "global:",
            $"  scrape_interval: {seconds}",
            $"  scrape_timeout: {seconds}",
            $"  evaluation_interval: {seconds}",
            "rule_files:",
            .. ruleFiles.Select(file => $"  - '{file}'"),
            "scrape_configs:",
            .. targets.SelectMany(target => new[]
            {
                $"  - job_name: '{target.Job}'",
                "    metrics_path: /metrics",
                $"    static_configs: [ {{ targets: [ '{target.Target.Authority}' ] }} ]",
            }),
        ];

        var configPath = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllLinesAsync(configPath, config);
        var process = ServiceProcess.Executable("prometheus", Executable, port =>
        [
            $"--config.file={configPath}",
            $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
        ]);
        var server = new PrometheusServer(process, folder);
        try
        {
            await process.WaitUntilAnswersAsync("/-/ready", TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A rules file with every <c>for:</c> cut to <paramref name="hold"/>: the same expressions, fired in seconds.</summary>
    public static string WithShortHolds(string rulesText, string hold) => ForClause().Replace(rulesText, "${1}" + hold);

    /// <summary>Alerts pending or firing, from <c>/api/v1/alerts</c>.</summary>
    public async Task<IReadOnlyList<ActiveAlert>> AlertsAsync()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/alerts"));
        return [.. json.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray().Select(ActiveAlert.From)];
    }

    /// <summary>An instant query's samples as (labels, value).</summary>
    public async Task<IReadOnlyList<(Dictionary<string, string> Labels, double Value)>> QueryAsync(string promql)
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(promql)));
        return [.. json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(sample => (
            sample.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)))];
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling every 100 ms; the server's output on failure.</summary>
    public async Task<T> WaitForAsync<T>(Func<Task<T?>> condition, TimeSpan limit, string what)
        where T : class
    {
        var started = Stopwatch.StartNew();
        while (started.Elapsed < limit)
        {
            if (await condition() is { } result)
            {
                return result;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Not within {limit}: {what}.\nPrometheus:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"^([ \t]+for:[ \t]*)\S+[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ForClause();
}

internal sealed record ActiveAlert(string Name, string State, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations, DateTimeOffset ActiveAt)
{
    public static ActiveAlert From(JsonElement alert)
    {
        var labels = alert.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        return new ActiveAlert(
            labels["alertname"],
            alert.GetProperty("state").GetString()!,
            labels,
            alert.GetProperty("annotations").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            alert.GetProperty("activeAt").GetDateTimeOffset());
    }
}
