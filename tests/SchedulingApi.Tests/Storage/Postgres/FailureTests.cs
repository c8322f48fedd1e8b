using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PhoneBooking.Storage;
using PhoneBooking.Testing;
using PhoneBooking.Testing.Postgres;
using StorageDatabase = PhoneBooking.Storage.Postgres.PostgresDatabase;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Postgres;

/// <summary>PostgreSQL failing under a running API, on a real server: stopped as a crash would (pg_ctl stop -m immediate), restarted, exhausted.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task ServerLostWhileRunning_ReadyFails_Requests503WithRetryAfter_NothingHalfWritten_BackWhenItReturns()
    {
        await using var server = await PostgresServer.StartNewAsync();
        var database = await server.CreateDatabaseAsync("lost");
        await using var api = await TestApi.StartAsync(settings => OnPostgres(settings, database));
        var first = await api.Client.SubmitAsync();

        await server.StopAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.Client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/health/live")).StatusCode);
        var key = ApiCalls.NewKey();
        var submit = await api.Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(), key);
        await submit.ProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.Equal(TimeSpan.FromSeconds(1), submit.Headers.RetryAfter?.Delta);
        await (await api.Client.GetAsync($"/v1/booking-requests/{first.RequestId}")).ProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
        await (await api.Client.GetAsync("/v1/events?after=0")).ProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");

        await server.StartAsync();

        await Eventually.HoldsAsync(async () => (await api.Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "ready again");
        var retried = await api.Client.SubmitAsync(key: key);
        Assert.Equal(2, retried.QueuePosition); // the refused attempt left nothing behind: no request, no stored response
        Assert.Equal(1, (await api.Client.StatusAsync(first.RequestId)).QueuePosition);
        Assert.Equal(2, await api.ScalarRawAsync<long>("SELECT count(*) FROM booking_requests"));
        Assert.Equal(2, await api.ScalarRawAsync<long>("SELECT count(*) FROM idempotency_keys"));
        Assert.DoesNotContain(api.Logs.Records, r => r.Message.Contains("unhandled", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ServerLostDuringAMatcherPass_NoOfferHalfMade()
    {
        const int Requests = 600;
        await using var server = await PostgresServer.StartNewAsync();
        var database = await server.CreateDatabaseAsync("matcher");
        await using var api = await TestApi.StartAsync(settings =>
        {
            OnPostgres(settings, database);
            settings["Matching:BatchSize"] = "1"; // 600 transactions in one pass (a batch is a few statements whatever its size): the crash lands between and inside them
        });
        for (var i = 0; i < Requests; i++)
        {
            await api.Client.SubmitAsync();
        }

        var pass = Task.Run(() => api.MatchAsync());
        await Eventually.HoldsAsync(async () => await api.ScalarRawAsync<long>("SELECT count(*) FROM offers") > 0, "the first batch committed");
        await server.StopAsync();
        var outcome = await Record.ExceptionAsync(() => pass);
        await server.StartAsync();
        await Eventually.HoldsAsync(async () => (await api.Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "ready again");

        // Whatever the pass got through before the crash, every offer is whole: a place taken, the request offered, the event written.
        var offers = await api.ScalarRawAsync<long>("SELECT count(*) FROM offers");
        Assert.True(offers < Requests, $"the crash came after the pass ({offers} offers): nothing was tested");
        Assert.True(StorageErrors.IsUnavailable(outcome!), $"the pass should fail as unavailable, not: {outcome}");
        Assert.Equal(offers, await api.ScalarRawAsync<long>("SELECT count(*) FROM booking_requests WHERE status = 'offered'"));
        Assert.Equal(offers, await api.ScalarRawAsync<long>("SELECT count(*) FROM events WHERE type = 'offer.made'"));
        Assert.Equal(offers, await api.ScalarRawAsync<long>("SELECT sum(capacity - remaining) FROM windows"));
        Assert.Equal(Requests - offers, await api.ScalarRawAsync<long>("SELECT coalesce(sum(queued), 0) FROM queue_blocks"));

        await api.MatchAsync();
        Assert.Equal(Requests, await api.ScalarRawAsync<long>("SELECT count(*) FROM offers"));
    }

    [Fact]
    public async Task PoolExhausted_503WithRetryAfterWithinTheTimeout_NotAClientTimeout()
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync("pool");
        try
        {
            await using var api = await TestApi.StartAsync(settings => OnPostgres(settings, $"{database};Maximum Pool Size=2;Timeout=1"));
            var pool = api.Services.GetRequiredService<StorageDatabase>();
            var key = ApiCalls.NewKey();
            await using (var busy1 = await pool.OpenAsync(CancellationToken.None))
            await using (var busy2 = await pool.OpenAsync(CancellationToken.None))
            {
                var waited = Stopwatch.StartNew();
                var response = await api.Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(), key);

                await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
                Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(4), $"answered after {waited.Elapsed}");
            }

            Assert.Equal(1, (await api.Client.SubmitAsync(key: key)).QueuePosition);
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    private static void OnPostgres(Dictionary<string, string?> settings, string connectionString)
    {
        settings["Storage:Provider"] = "Postgres";
        settings["ConnectionStrings:Postgres"] = connectionString;
    }
}
