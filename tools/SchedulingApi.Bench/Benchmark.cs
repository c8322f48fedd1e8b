using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Bench;

/// <summary>
/// Starts the real API (one or more instances) on loopback Kestrel with a fresh SQLite file or an emptied
/// PostgreSQL database, then:
/// 1. submits N booking requests through HTTP with C concurrent clients spread over the instances, matchers
///    paused (a launch-day surge); a request the API sheds (503) is retried after Retry-After, as clients do,
///    and its latency is the whole wait, retries included;
/// 2. reads request status with C clients while all N are queued (each answer counts its queue position);
/// 3. drains the queue with one matcher pass per instance, all at once, alone on the machine: the drain rate;
/// 4. reads request status again, now that every request holds an offer.
/// </summary>
internal static class Benchmark
{
    private static readonly string[] SiteIds = ["bench-east", "bench-west", "bench-north"];

    /// <summary>This run's key: the API knows the bench as a client of role Bench (every scope, no rate limits).</summary>
    private static readonly string BenchKey = ApiKeys.New();

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "scheduling-bench-" + Guid.NewGuid().ToString("N"));
        if (options.Postgres is { } postgres)
        {
            await BenchDatabase.EmptyAsync(postgres);
        }

        var apps = new List<WebApplication>();
        for (var i = 0; i < options.Instances; i++)
        {
            var app = SchedulingApiApp.Create([], builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Configuration.AddInMemoryCollection(Settings(options, dataDirectory));
            });
            await app.StartAsync();
            apps.Add(app);
        }

        try
        {
            using var client = new HttpClient(new SpreadingHandler(apps.Select(Address).ToArray(), options.Concurrency)) { BaseAddress = Address(apps[0]) };
            client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, BenchKey);
            Console.WriteLine($"Scheduling API benchmark: {options.Requests:N0} requests, concurrency {options.Concurrency}, {options.Instances} instance(s) on {options.StoreName}, {Environment.ProcessorCount} CPUs{(options.Postgres is null ? $", data in {dataDirectory}" : "")}");
            Console.WriteLine($"load average before: {LoadAverage()}");

            var retry = new ShedRetry();
            var (ids, submit, submitSeconds) = await SubmitAllAsync(client, options, retry);
            Console.WriteLine(Line("submit (POST /v1/booking-requests)", submit, options.Requests / submitSeconds) + Shed(retry));

            var statusQueued = new LatencyRecorder(options.StatusSamples);
            var queuedClock = Stopwatch.StartNew();
            retry = new ShedRetry();
            await PollStatusAsync(client, ids, options.Concurrency, statusQueued, retry);
            Console.WriteLine(Line("status, all queued (GET /v1/booking-requests/{id})", statusQueued, statusQueued.Count / queuedClock.Elapsed.TotalSeconds) + Shed(retry));

            var cpuBefore = Environment.CpuUsage.TotalTime;
            var drainClock = Stopwatch.StartNew();
            var passes = await Task.WhenAll(apps.Select(app => app.Services.GetRequiredService<Matcher>().RunOnceAsync()));
            drainClock.Stop();
            var pass = new MatcherPassResult(passes.Sum(p => p.OffersExpired), passes.Sum(p => p.RequestsEligible), passes.Sum(p => p.OffersMade), passes.Sum(p => p.GroupVisitsDecided));
            var drainCpu = Environment.CpuUsage.TotalTime - cpuBefore;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"matcher drain: {pass.OffersMade:N0} offers in {drainClock.Elapsed.TotalSeconds:F1} s = {pass.OffersMade / drainClock.Elapsed.TotalSeconds:N0} requests/s ({drainCpu.TotalMilliseconds * 1000 / Math.Max(1, pass.OffersMade):F0} µs CPU per offer)"));

            var statusOffered = new LatencyRecorder(options.StatusSamples);
            var offeredClock = Stopwatch.StartNew();
            retry = new ShedRetry();
            await PollStatusAsync(client, ids, options.Concurrency, statusOffered, retry);
            Console.WriteLine(Line("status, all offered (GET /v1/booking-requests/{id})", statusOffered, statusOffered.Count / offeredClock.Elapsed.TotalSeconds) + Shed(retry));

            var stillQueued = await CountQueuedAsync(client, ids);
            Console.WriteLine($"load average after: {LoadAverage()}");
            Console.WriteLine($"check: {pass.OffersMade:N0} offers for {options.Requests:N0} requests; sampled requests still queued: {stillQueued}");
            return pass.OffersMade == options.Requests ? 0 : 1;
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!options.KeepData && Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private static Dictionary<string, string?> Settings(BenchOptions options, string dataDirectory)
    {
        // Enough places for every request: 3 sites × 8 windows × 14 days, staffed to match.
        const int windows = 3 * 8 * 14;
        var staff = (int)Math.Ceiling(options.Requests * 1.2 / (windows * 12.0));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Storage:Provider"] = options.Postgres is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Postgres"] = options.Postgres,
            ["ApiClients:bench:Role"] = "Bench",
            ["ApiClients:bench:KeySha256:0"] = ApiKeys.Sha256Hex(BenchKey),
            ["Security:HmacKey"] = ApiKeys.NewSecret(),
            ["Matching:RunInBackground"] = "false",
            ["Seed:Demo"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Facilities:Seed:0:Code"] = "700123",
            ["Facilities:Seed:0:Pin"] = "2468",
            ["Facilities:Seed:0:Name"] = "Bench Residence",
            ["Eligibility:Cohorts:0:Name"] = "everyone",
            ["Eligibility:Cohorts:0:OpensOn"] = "2020-01-01",
        };
        for (var i = 0; i < SiteIds.Length; i++)
        {
            settings[$"Sites:{i}:Id"] = SiteIds[i];
            settings[$"Sites:{i}:Name"] = SiteIds[i];
            settings[$"Sites:{i}:StaffOnDuty"] = staff.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }

    private static async Task<(string[] Ids, LatencyRecorder Latency, double Seconds)> SubmitAllAsync(HttpClient client, BenchOptions options, ShedRetry retry)
    {
        var ids = new string[options.Requests];
        var latency = new LatencyRecorder(options.Requests);
        var next = -1;
        var clock = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(DateTime.Now);
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            int index;
            while ((index = Interlocked.Increment(ref next)) < options.Requests)
            {
                var body = RequestFactory.Create(random, today, SiteIds, index);
                var key = Guid.NewGuid().ToString("N");
                var started = Stopwatch.GetTimestamp();
                using var response = await retry.SendAsync(client, () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/v1/booking-requests") { Content = JsonContent.Create(body) };
                    request.Headers.Add("Idempotency-Key", key);
                    return request;
                });
                var answer = await response.Content.ReadAsStringAsync();
                latency.Record(started);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"Submit answered {(int)response.StatusCode}: {answer}");
                }

                ids[index] = JsonDocument.Parse(answer).RootElement.GetProperty("requestId").GetString()!;
            }
        })));
        return (ids, latency, clock.Elapsed.TotalSeconds);
    }

    private static Task PollStatusAsync(HttpClient client, string[] ids, int concurrency, LatencyRecorder latency, ShedRetry retry)
    {
        var taken = 0;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(1000 + worker);
            while (Interlocked.Increment(ref taken) <= latency.Capacity)
            {
                var started = Stopwatch.GetTimestamp();
                var id = ids[random.Next(ids.Length)];
                using var response = await retry.SendAsync(client, () => new HttpRequestMessage(HttpMethod.Get, $"/v1/booking-requests/{id}"));
                await response.Content.ReadAsByteArrayAsync();
                latency.Record(started);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Status answered {(int)response.StatusCode}");
                }
            }
        })));
    }

    private static async Task<int> CountQueuedAsync(HttpClient client, string[] ids)
    {
        var queued = 0;
        foreach (var id in ids.Take(200))
        {
            using var response = await new ShedRetry().SendAsync(client, () => new HttpRequestMessage(HttpMethod.Get, $"/v1/booking-requests/{id}"));
            var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString();
            queued += status == "queued" ? 1 : 0;
        }

        return queued;
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>Other work on the machine skews every figure: print it with them.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Shed(ShedRetry retry) => retry.Shed == 0 ? "" : $"  shed (503, retried after Retry-After)={retry.Shed}";

    private static string Line(string what, LatencyRecorder latency, double? perSecond) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: {latency.Summary()}{(perSecond is { } rate ? $"  throughput={rate:N0}/s" : "")}");
}
