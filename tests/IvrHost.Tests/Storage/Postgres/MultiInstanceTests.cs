using System.Net;
using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Storage;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Storage.Postgres;

/// <summary>
/// Two line instances on one real PostgreSQL database, as behind a load balancer with no affinity (issue 14
/// item 2): together they keep the account's calls-per-second, place each callback once, send each deferred
/// request once, and either one continues any call — a webhook replayed to the other instance changes nothing.
/// </summary>
public sealed class MultiInstanceTests : FaultyApiTest
{
    private const string BookingRequests = "POST /v1/booking-requests";

    [Fact]
    public async Task Webhooks_AlternatingBetweenTwoInstances_TheCallBooksOnce()
    {
        using var first = IvrHostFactory.WithEmbeddedApi(Shared(), StorageProvider.Postgres);
        using var second = IvrHostFactory.WithEmbeddedApi(Shared(), StorageProvider.Postgres);
        var balancer = new AlternatingHandler(first.Server.CreateHandler(), second.Server.CreateHandler());
        using var client = new HttpClient(balancer) { BaseAddress = first.Server.BaseAddress };
        var call = new SignedWebhooks(client, SignedWebhooks.NewCallSid());

        await Caller.UntilWaitChoiceAsync(call);
        var waiting = SignedWebhooks.Heard(await call.PressAsync("1")); // wait on the line: the request goes to the API
        var offer = SignedWebhooks.Heard(await Caller.HoldUntilOfferAsync(call));
        var booked = SignedWebhooks.Heard(await call.PressAsync("1"));

        Assert.Contains("We are looking for a time for you", waiting, StringComparison.Ordinal);
        Assert.Contains("We have a time for you", offer, StringComparison.Ordinal);
        Assert.Contains("It is booked", booked, StringComparison.Ordinal);
        Assert.Matches(@"confirmation code is .*\d", booked);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM booking_requests"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bookings"));
        Assert.All(balancer.Served, served => Assert.True(served >= 4, $"each instance served part of the call ({string.Join(", ", balancer.Served)})"));
    }

    [Fact]
    public async Task Webhooks_ReplayedToTheOtherInstance_NoSecondSubmissionNoSecondText()
    {
        using var twilio = TwilioApiStub.Start();
        var settings = Shared();
        settings["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString();
        using var first = IvrHostFactory.WithEmbeddedApi(settings, StorageProvider.Postgres);
        using var second = IvrHostFactory.WithEmbeddedApi(settings, StorageProvider.Postgres);
        var call = new SignedWebhooks(first.CreateClient(), SignedWebhooks.NewCallSid());
        await Caller.UntilWaitChoiceAsync(call);
        var submit = ($"/voice/input?turn={call.Turn}", call.Fields(("Digits", "1")));
        await call.PressAsync("1"); // wait on the line: submitted
        await Caller.HoldUntilOfferAsync(call);
        await call.PressAsync("1"); // accept: booked
        var text = ($"/voice/input?turn={call.Turn}", call.Fields(("Digits", "2")));
        Assert.Contains("We sent you a text message", SignedWebhooks.Heard(await call.PressAsync("2")), StringComparison.Ordinal);
        await twilio.WaitForRequestsAsync(1);
        var version = await SessionVersionAsync(call.CallSid);

        // An attacker (or a retrying proxy) sends the same signed requests again, this time to the other instance.
        using var other = second.CreateClient();
        var replay = new SignedWebhooks(other, call.CallSid);
        foreach (var (path, fields) in new[] { submit, text, submit, text })
        {
            using var response = await replay.PostAsync(path, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotMatch(@"confirmation code is .*\d", SignedWebhooks.Heard(XDocument.Parse(await response.Content.ReadAsStringAsync())));
        }

        Assert.Single(twilio.Messages);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM booking_requests"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bookings"));
        Assert.Equal(version, await SessionVersionAsync(call.CallSid));
    }

    [Fact]
    public async Task Dialer_TwoInstances_ShareTheAccountsCallsPerSecond()
    {
        var clock = new ManualTimeProvider(DialerHost.Afternoon);
        using var hosts = new DialerPair(clock, Data.Path, new Dictionary<string, string?> { ["Callbacks:CallsPerSecond"] = "2" }, StorageProvider.Postgres);
        var (first, second) = (hosts.First, hosts.Second);
        await hosts.SaveOffersAsync(20, "+1416222");

        // Four seconds of the clock, both dialers passing every tenth of a second; each call Twilio gets is
        // stamped with the clock's millisecond of the pass that placed it.
        var placedAt = new List<long>();
        for (var tick = 0; tick < 40; tick++)
        {
            var before = first.Twilio.Calls.Count + second.Twilio.Calls.Count;
            await Task.WhenAll(first.PassAsync(), second.PassAsync());
            var now = (long)(clock.GetUtcNow() - DialerHost.Afternoon).TotalMilliseconds;
            placedAt.AddRange(Enumerable.Repeat(now, first.Twilio.Calls.Count + second.Twilio.Calls.Count - before));
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        // One instance alone at 2 per second would place 8 in 4 s; two unaware of each other, 16.
        Assert.InRange(placedAt.Count, 7, 9);
        Assert.All(placedAt, start => Assert.True(
            placedAt.Count(at => at >= start && at < start + 1000) <= 2,
            $"more than 2 calls reached Twilio in the second from {start} ms: {string.Join(", ", placedAt)}"));
    }

    [Fact]
    public async Task Callbacks_TwoInstancesClaimingAtTheSameMoment_EachPlacedOnce()
    {
        using var hosts = new DialerPair(new ManualTimeProvider(DialerHost.Afternoon), Data.Path, new Dictionary<string, string?> { ["Callbacks:CallsPerSecond"] = "100" }, StorageProvider.Postgres);
        var ids = await hosts.SaveOffersAsync(30, "+1613222");

        await hosts.PassBothUntilPlacedAsync(ids.Count, TimeSpan.FromMilliseconds(10), rounds: 200);

        Assert.Equal(ids.Order(), hosts.Placed.Order());
        Assert.All(await hosts.First.Requests.ListAsync(CallbackFilter.All, 100, CancellationToken.None), r => Assert.Single(r.Attempts));
        Assert.NotEmpty(hosts.First.Twilio.Calls);
        Assert.NotEmpty(hosts.Second.Twilio.Calls);
    }

    [Fact]
    public async Task Deferred_TwoInstancesSubmittingAtOnce_EachRequestSentOnce()
    {
        var clock = new ManualTimeProvider();
        await using var first = LineWithFaultyApi.Start(Api, Data.Path, clock, provider: StorageProvider.Postgres);
        await using var second = LineWithFaultyApi.Start(Api, Data.Path, clock, provider: StorageProvider.Postgres);
        await first.GoDownAsync();
        await second.GoDownAsync();
        var keys = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var call = (i % 2 == 0 ? first : second).NewCall($"+1416555{i:D4}");
            Assert.Contains("call you", SignedWebhooks.Heard(await Caller.DeferredRequestAsync(call)), StringComparison.OrdinalIgnoreCase);
            keys.Add(Caller.SubmitKey(call));
        }

        await first.RecoverAsync();
        await second.RecoverAsync();
        await Task.WhenAll(
            first.Services.GetRequiredService<DeferredSubmitter>().SubmitPendingAsync(CancellationToken.None),
            second.Services.GetRequiredService<DeferredSubmitter>().SubmitPendingAsync(CancellationToken.None));
        var store = first.Services.GetRequiredService<IDeferredRequestStore>();
        await Eventually.HoldsAsync(
            async () => (await Task.WhenAll(keys.Select(k => store.GetAsync(k, CancellationToken.None)))).All(r => r!.Status == DeferredStatus.Submitted),
            "every deferred request is submitted");

        var sent = Api.Received.Where(r => r.Route == BookingRequests).GroupBy(r => r.IdempotencyKey).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(keys.Order(), sent.Keys.Order());
        Assert.All(sent, s => Assert.Equal(1, s.Value));
    }

    private Dictionary<string, string?> Shared() => new() { ["Storage:DataDirectory"] = Data.Path };

    private Task<long> SessionVersionAsync(string callSid) =>
        ScalarAsync<long>("SELECT version FROM call_sessions WHERE call_sid = @callSid", new { callSid });

    private async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = LineTestStorage.OpenRaw(Data.Path, StorageProvider.Postgres);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    /// <summary>A balancer with no affinity: each request goes to the other instance than the one before.</summary>
    private sealed class AlternatingHandler(HttpMessageHandler first, HttpMessageHandler second) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker[] _instances = [new(first), new(second)];
        private readonly int[] _served = new int[2];
        private int _next;

        public IReadOnlyList<int> Served => _served;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var instance = Interlocked.Increment(ref _next) % 2;
            Interlocked.Increment(ref _served[instance]);
            return _instances[instance].SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            foreach (var instance in _instances)
            {
                instance.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
