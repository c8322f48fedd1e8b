using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Tests.Security;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Postgres;
using PhoneBooking.Storage.Sqlite;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingApi.Tests.LoadShedding;

/// <summary>
/// The API under pressure answers "not now" (503 <c>overloaded</c>, Retry-After, a problem body) while
/// the client can still use it, instead of answering late. Pressure here is real: on SQLite the
/// database's own writer slot held, as a long matcher pass or a stuck disk would hold it; on PostgreSQL
/// every pooled connection taken, with a pool timeout (30 s) far past the deadline, so only the
/// deadline can answer. Queue and deadline run on the API's (manual) clock, so every wait is exact.
/// Runs on the test run's provider (<c>PHONEBOOKING_TEST_STORAGE</c>).
/// </summary>
public sealed class LoadSheddingTests : IAsyncLifetime
{
    private TestApi _api = null!;
    private MetricRecorder _metrics = null!;

    public async Task InitializeAsync()
    {
        _api = await TestApi.StartAsync(Configure, TestStorage.Provider);
        _metrics = new MetricRecorder(_api.Services.GetRequiredService<IMeterFactory>(), SchedulingMetrics.MeterName);
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Submit_WriterBusyPastTheDeadline_503OverloadedThenTheSameKeyQueuesOnce()
    {
        var key = ApiCalls.NewKey();
        var body = ApiCalls.BookingRequest();
        HttpResponseMessage shed;
        await using (await HoldWriterAsync())
        {
            var submit = _api.Client.PostAsync("/v1/booking-requests", body, key);
            await InFlightAsync(1);
            _api.Clock.Advance(TimeSpan.FromMilliseconds(799));
            Assert.False(submit.IsCompleted, "shed before its deadline");
            _api.Clock.Advance(TimeSpan.FromMilliseconds(1));
            shed = await submit;
        }

        Assert.Equal(TimeSpan.FromSeconds(1), await shed.RetryAfterAsync(HttpStatusCode.ServiceUnavailable, "overloaded"));
        var retried = await (await _api.Client.PostAsync("/v1/booking-requests", body, key)).ReadAsync<Queued>(HttpStatusCode.Accepted);
        var replayed = await (await _api.Client.PostAsync("/v1/booking-requests", body, key)).ReadAsync<Queued>(HttpStatusCode.Accepted);
        Assert.Equal(retried.RequestId, replayed.RequestId);
        Assert.Equal(1, retried.QueuePosition); // the shed attempt left nothing behind
        Assert.Equal(1, _metrics.Sum("scheduling.load.shed", "reason", "deadline"));
    }

    [Fact]
    public async Task Request_NoSlotWithinTheQueueTime_ShedWhileTheRunningOneStillSucceeds()
    {
        Task<HttpResponseMessage> running;
        HttpResponseMessage shed;
        await using (await HoldWriterAsync())
        {
            running = _api.Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(), ApiCalls.NewKey());
            await InFlightAsync(1);
            var waiting = _api.Client.GetAsync("/v1/sites");
            await Eventually.HoldsAsync(() => _metrics.Total("scheduling.load.queued") == 1, "the second request waits for a slot");
            _api.Clock.Advance(TimeSpan.FromMilliseconds(250));
            shed = await waiting;
            Assert.False(running.IsCompleted);
        }

        await shed.RetryAfterAsync(HttpStatusCode.ServiceUnavailable, "overloaded");
        Assert.Equal(HttpStatusCode.Accepted, (await running).StatusCode);
        Assert.Equal(1, _metrics.Sum("scheduling.load.shed", "reason", "queue-timeout"));
    }

    [Fact]
    public async Task Request_QueueFull_ShedAtOnceWithoutWaiting()
    {
        await using (await HoldWriterAsync())
        {
            var running = _api.Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(), ApiCalls.NewKey());
            await InFlightAsync(1);
            var queued = _api.Client.GetAsync("/v1/sites");
            await Eventually.HoldsAsync(() => _metrics.Total("scheduling.load.queued") == 1, "one request waits");

            var refused = await _api.Client.GetAsync("/v1/sites"); // the clock never moves: only a full line can answer this

            await refused.RetryAfterAsync(HttpStatusCode.ServiceUnavailable, "overloaded");
            Assert.Equal(1, _metrics.Sum("scheduling.load.shed", "reason", "queue-full"));
            _api.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAll(running, queued);
        }
    }

    [Fact]
    public async Task Health_EverySlotTaken_StillAnswersTheBalancer()
    {
        await using (await HoldWriterAsync())
        {
            var running = _api.Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(), ApiCalls.NewKey());
            await InFlightAsync(1);
            var queued = _api.Client.GetAsync("/v1/sites");
            await Eventually.HoldsAsync(() => _metrics.Total("scheduling.load.queued") == 1, "one request waits");

            Assert.Equal(HttpStatusCode.OK, (await _api.Client.GetAsync("/health/live")).StatusCode);
            if (_api.Postgres is null)
            {
                // (On PostgreSQL readiness needs a pooled connection, and the test holds them all.)
                Assert.Equal(HttpStatusCode.OK, (await _api.Client.GetAsync("/health/ready")).StatusCode);
            }
            _api.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAll(running, queued);
        }
    }

    [Fact]
    public async Task Shed_IsLoggedWithTheRouteOnly()
    {
        await using (await HoldWriterAsync())
        {
            var submit = _api.Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(), ApiCalls.NewKey());
            await InFlightAsync(1);
            _api.Clock.Advance(TimeSpan.FromSeconds(1));
            await submit;
        }

        var shed = Assert.Single(_api.Logs.Records, r => r.EventId.Id == 100);
        Assert.Equal(("deadline", "/v1/booking-requests"), (shed.Properties["Reason"], shed.Properties["Route"]));
    }

    private static void Configure(Dictionary<string, string?> settings)
    {
        if (settings.TryGetValue("ConnectionStrings:Postgres", out var database))
        {
            settings["ConnectionStrings:Postgres"] = $"{database};Maximum Pool Size={PoolSize};Timeout=30";
        }

        settings["LoadShedding:MaxConcurrentRequests"] = "1";
        settings["LoadShedding:MaxQueueLength"] = "1";
        settings["LoadShedding:MaxQueueTime"] = "00:00:00.250";
        settings["LoadShedding:RequestDeadline"] = "00:00:00.800";
        settings["Logging:LogLevel:PhoneBooking.SchedulingApi.LoadShedding"] = "Debug"; // one event per shed request: Debug by default
    }

    /// <summary>Takes what every write needs: SQLite's writer slot, or every connection of PostgreSQL's pool.</summary>
    private async Task<IAsyncDisposable> HoldWriterAsync()
    {
        if (_api.Postgres is null)
        {
            return new Held([await _api.Services.GetRequiredService<SqliteDatabase>().EnterWriterAsync(CancellationToken.None)]);
        }

        var pool = _api.Services.GetRequiredService<PostgresDatabase>();
        var held = new List<IAsyncDisposable>();
        for (var i = 0; i < PoolSize; i++)
        {
            held.Add(await pool.OpenAsync(CancellationToken.None));
        }

        return new Held(held);
    }

    private Task InFlightAsync(long count) =>
        Eventually.HoldsAsync(() => _metrics.Total("scheduling.load.in_flight") == count, $"{count} request(s) running");

    private const int PoolSize = 2;

    private sealed record Queued(string RequestId, int QueuePosition);

    private sealed class Held(IEnumerable<object> resources) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var resource in resources)
            {
                await (resource switch
                {
                    IAsyncDisposable async => async.DisposeAsync(),
                    IDisposable sync => Dispose(sync),
                    _ => ValueTask.CompletedTask,
                });
            }
        }

        private static ValueTask Dispose(IDisposable resource)
        {
            resource.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
