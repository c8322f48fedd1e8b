using System.Diagnostics;
using System.Net.Http.Json;
using Npgsql;
using PhoneBooking.Deployment.Tests.ScaleOut;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Testing;

namespace PhoneBooking.Deployment.Tests.Failover;

/// <summary>
/// An instance dies (SIGKILL: no shutdown code runs, connections drop mid-transaction) while work is under way,
/// in the scale-out topology on one PostgreSQL: the other instances finish the work, and nothing is done twice.
/// </summary>
[Trait(WholeMachine.Trait, WholeMachine.Value)]
public sealed class InstanceDeathTests
{
    [Fact]
    public async Task LineKilledBetweenTwoWebhooks_TheNextWebhookOnAnotherInstanceContinues_BookedOnce()
    {
        // `first`: line-1 takes every webhook while it lives, so line-2 has never seen the call when it takes over.
        await using var topology = await ScaleOutTopology.StartAsync(apis: 1, lines: 2, new Dictionary<string, string> { ["BALANCE"] = "first" });
        using var engine = new SoftphoneEngine(new SoftphoneOptions());
        var caller = new KillingCaller(new ScriptedCaller(BookingScript.Whole), BookingScript.BirthDateReadBack, () => topology.Kill("line-1"));

        var call = await engine.DialAsync(BookingScript.Dial(topology.Line, 2), caller);

        Assert.True(caller.Killed);
        Assert.True(caller.Inner.Verdict.Passed, $"{caller.Inner.Verdict}\n{call}\n{topology.LogTails()}");
        Assert.Contains(call.CallSid, topology.Log("line-1"), StringComparison.Ordinal);
        Assert.Contains(call.CallSid, topology.Log("line-2"), StringComparison.Ordinal);
        Assert.Equal(1, await topology.CountAsync("SELECT count(*) FROM booking_requests"));
        Assert.Equal(1, await topology.CountAsync("SELECT count(*) FROM bookings"));
    }

    [Fact]
    public async Task ApiKilledDuringAMatcherPass_TheOtherInstanceOffersTheRest_NoRequestOfferedTwiceNoWindowOverbooked()
    {
        const int requests = 600;
        // Small batches, a short tick: many passes, so the kill lands inside one.
        await using var topology = await ScaleOutTopology.StartAsync(apis: 2, lines: 1, new Dictionary<string, string>
        {
            ["Matching__BatchSize"] = "20",
            ["Matching__TickSeconds"] = "1",
        });

        // Submitted to api-2 only: api-1's transactions are then its matcher's.
        var killed = KillDuringMatcherTransactionAsync(topology, "api-1", TimeSpan.FromSeconds(60));
        await SubmitAsync(topology, requests, direct: "api-2");
        Assert.True(await killed, "api-1 was never seen inside a matcher transaction");

        await WaitAsync(async () => await topology.CountAsync("SELECT count(*) FROM booking_requests WHERE status = 'queued'") == 0, TimeSpan.FromMinutes(2));

        Assert.Equal(requests, await topology.CountAsync("SELECT count(*) FROM booking_requests WHERE status = 'offered'"));
        Assert.Equal(0, await topology.CountAsync("SELECT count(*) FROM (SELECT request_id FROM offers GROUP BY request_id HAVING count(*) > 1) twice"));
        Assert.Equal(requests, await topology.CountAsync("SELECT count(*) FROM offers"));
        // Every seat taken from a window is one offer on it: the killed transaction took none it did not record.
        Assert.Equal(0, await topology.CountAsync("SELECT count(*) FROM windows w WHERE w.capacity - w.remaining <> (SELECT count(*) FROM offers o WHERE o.window_id = w.id)"));
        Assert.Equal(0, await topology.CountAsync("SELECT count(*) FROM booking_requests r WHERE r.status = 'offered' AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.id = r.current_offer_id AND o.request_id = r.id)"));
    }

    private static async Task SubmitAsync(ScaleOutTopology topology, int count, string direct)
    {
        var port = topology.InstancePort(direct);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        client.DefaultRequestHeaders.Add("X-Api-Key", topology.BenchApiKey);
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                // As every client does: a shed 503 is retried after its Retry-After with the same Idempotency-Key.
                HttpResponseMessage response;
                for (var attempt = 1; ; attempt++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/booking-requests")
                    {
                        Content = JsonContent.Create(new
                        {
                            person = new { birthDate = $"{1930 + (i % 25)}-0{1 + (i % 9)}-1{i % 10}", language = "en-CA" },
                            preferences = new[] { new { partOfDay = "any" } },
                            channel = "web",
                            contactPhone = $"+1416{2_000_000 + i}",
                        }),
                    };
                    request.Headers.Add("Idempotency-Key", $"death-test-{i}");
                    response = await client.SendAsync(request);
                    if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == 10)
                    {
                        break;
                    }

                    response.Dispose();
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }

                using var answered = response;
                Assert.True(response.IsSuccessStatusCode, $"submit {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>
    /// Watches pg_stat_activity for <paramref name="instance"/> (its connections carry its Application Name) inside a
    /// transaction, and SIGKILLs it at that moment: PostgreSQL sees the connection drop mid-pass.
    /// </summary>
    private static async Task<bool> KillDuringMatcherTransactionAsync(ScaleOutTopology topology, string instance, TimeSpan limit)
    {
        await using var connection = new NpgsqlConnection(topology.Database);
        await connection.OpenAsync();
        await using var inTransaction = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND xact_start IS NOT NULL AND state <> 'idle' AND query ILIKE ANY (ARRAY['%booking_requests%', '%offers%', '%windows%'])", connection);
        inTransaction.Parameters.AddWithValue("name", instance);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if ((long)(await inTransaction.ExecuteScalarAsync())! > 0)
            {
                topology.Kill(instance);
                return true;
            }
        }

        return false;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < limit, $"not done within {limit}");
            await Task.Delay(250);
        }
    }
}
