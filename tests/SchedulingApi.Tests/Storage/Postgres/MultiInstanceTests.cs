using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Postgres;

/// <summary>
/// Two API hosts on one PostgreSQL database, as two instances behind a load balancer: each runs the
/// matcher, takes requests, and serves accepts and declines. What a person or an operator would notice
/// — an offer made twice, a window over capacity, a key that books twice, a lost event — must not happen.
/// </summary>
public sealed class MultiInstanceTests : ApiTest
{
    private const int Requests = 300;

    protected override StorageProvider Provider => StorageProvider.Postgres;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Staffing:DosesPerStaffHour"] = "1"; // one place per window: many windows, each easy to overbook
        settings["Staffing:HorizonDays"] = "3";
        settings["Matching:BatchSize"] = "10";        // small batches: the two matchers interleave
    }

    [Fact]
    public async Task Matchers_TwoHostsOverOneQueue_NoRequestOfferedTwice_NoWindowOverCapacity()
    {
        for (var i = 0; i < Requests; i++)
        {
            await Client.SubmitAsync(i % 2 == 0 ? null : ApiCalls.BookingRequest(channel: "web", preferences: [new { partOfDay = "afternoon" }]));
        }

        var (_, otherMatcher) = Api.StartSecondInstance();
        var passes = new List<MatcherPassResult>();
        for (var round = 0; round < 4; round++)
        {
            passes.AddRange(await Task.WhenAll(Task.Run(() => Api.MatchAsync()), Task.Run(() => otherMatcher.RunOnceAsync())));
        }

        var capacity = await Api.ScalarRawAsync<long>("SELECT sum(capacity) FROM windows WHERE start_ms >= @From", new { From = TestSettings.Start.AddHours(2).ToUnixTimeMilliseconds() });
        var offers = await Api.ScalarRawAsync<long>("SELECT count(*) FROM offers");
        Assert.Equal(Math.Min(capacity, Requests), offers);
        Assert.Equal(offers, passes.Sum(p => p.OffersMade));
        Assert.True(passes.Where((_, i) => i % 2 == 0).Sum(p => p.OffersMade) > 0 && passes.Where((_, i) => i % 2 == 1).Sum(p => p.OffersMade) > 0, "both instances matched");
        Assert.Equal(0, await Api.ScalarRawAsync<long>("SELECT count(*) FROM (SELECT request_id FROM offers GROUP BY request_id HAVING count(*) > 1) twice"));
        Assert.Equal(0, await Api.ScalarRawAsync<long>("SELECT count(*) FROM windows w WHERE (SELECT count(*) FROM offers o WHERE o.window_id = w.id) > w.capacity OR w.remaining <> w.capacity - (SELECT count(*) FROM offers o WHERE o.window_id = w.id)"));
        Assert.Equal(offers, await Api.ScalarRawAsync<long>("SELECT count(*) FROM booking_requests WHERE status = 'offered'"));
        Assert.Equal(offers, await Api.ScalarRawAsync<long>("SELECT count(*) FROM events WHERE type = 'offer.made'"));
        Assert.Equal(Requests - offers, await Api.ScalarRawAsync<long>("SELECT coalesce(sum(queued), 0) FROM queue_blocks"));
    }

    [Fact]
    public async Task AcceptAndDecline_SameOfferOnTwoHosts_ExactlyOneWins()
    {
        var (other, _) = Api.StartSecondInstance();
        for (var i = 0; i < 8; i++)
        {
            var request = await Client.SubmitAsync();
            await Api.MatchAsync();
            var offer = await Client.OfferAsync(request.RequestId);
            var remainingBefore = await Api.ScalarRawAsync<long>("SELECT remaining FROM windows WHERE id = (SELECT window_id FROM offers WHERE id = @Id)", new { Id = offer.OfferId });

            var responses = await Task.WhenAll(Task.Run(() => Client.AcceptAsync(offer.OfferId)), Task.Run(() => other.DeclineAsync(offer.OfferId)));

            var winners = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
            Assert.Equal(1, winners);
            Assert.Equal(HttpStatusCode.Conflict, responses.Single(r => r.StatusCode != HttpStatusCode.OK).StatusCode);
            var accepted = responses[0].StatusCode == HttpStatusCode.OK;
            var remainingAfter = await Api.ScalarRawAsync<long>("SELECT remaining FROM windows WHERE id = (SELECT window_id FROM offers WHERE id = @Id)", new { Id = offer.OfferId });
            Assert.Equal(accepted ? remainingBefore : remainingBefore + 1, remainingAfter);
            Assert.Equal(accepted ? 1 : 0, await Api.ScalarRawAsync<long>("SELECT count(*) FROM bookings WHERE offer_id = @Id", new { Id = offer.OfferId }));
            Assert.Equal(accepted ? RequestStatus.Booked : RequestStatus.Queued, (await other.StatusAsync(request.RequestId)).Status);
        }
    }

    [Fact]
    public async Task AcceptAndExpiry_OnTwoHostsAtOnce_ReleasedOnceAndRefused()
    {
        var (other, otherMatcher) = Api.StartSecondInstance();
        var request = await Client.SubmitAsync(ApiCalls.BookingRequest(channel: "web"));
        await Api.MatchAsync();
        var offer = await Client.OfferAsync(request.RequestId);
        var remainingBefore = await Api.ScalarRawAsync<long>("SELECT remaining FROM windows WHERE id = (SELECT window_id FROM offers WHERE id = @Id)", new { Id = offer.OfferId });
        Api.Clock.Advance(TimeSpan.FromMinutes(11)); // the hold ran out (both hosts share the clock)

        var accept = Task.Run(() => other.AcceptAsync(offer.OfferId));
        var sweep = Task.Run(() => otherMatcher.RunOnceAsync());
        var (response, _) = (await accept, await sweep);

        await response.ProblemAsync(HttpStatusCode.Conflict, "offer-expired");
        Assert.Equal(1, await Api.ScalarRawAsync<long>("SELECT count(*) FROM events WHERE type = 'offer.expired' AND offer_id = @Id", new { Id = offer.OfferId }));
        Assert.Equal(remainingBefore + 1, await Api.ScalarRawAsync<long>("SELECT remaining FROM windows WHERE id = (SELECT window_id FROM offers WHERE id = @Id)", new { Id = offer.OfferId }));
        Assert.Equal(0, await Api.ScalarRawAsync<long>("SELECT count(*) FROM bookings"));
    }

    [Fact]
    public async Task IdempotencyKey_SameRequestOnTwoHostsAtOnce_OneRequestAndTheSameAnswer()
    {
        var (other, _) = Api.StartSecondInstance();
        for (var i = 0; i < 5; i++)
        {
            var key = ApiCalls.NewKey();
            var body = ApiCalls.BookingRequest();

            var responses = await Task.WhenAll(Task.Run(() => Client.PostAsync("/v1/booking-requests", body, key)), Task.Run(() => other.PostAsync("/v1/booking-requests", body, key)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
            Assert.Equal(await responses[0].Content.ReadAsStringAsync(), await responses[1].Content.ReadAsStringAsync());
            Assert.Single(responses, r => r.Headers.Contains("Idempotency-Replayed"));
        }

        Assert.Equal(5, await Api.ScalarRawAsync<long>("SELECT count(*) FROM booking_requests"));
        var later = ApiCalls.NewKey();
        var again = ApiCalls.BookingRequest();
        var first = await Client.SubmitAsync(again, later);
        Assert.Equal(first, await other.SubmitAsync(again, later)); // reused on another instance later: replayed
        Assert.Equal(6, await Api.ScalarRawAsync<long>("SELECT count(*) FROM booking_requests"));
    }

    [Fact]
    public async Task FacilityPin_WrongOnTwoHostsAtOnce_EveryAttemptCounted()
    {
        var (other, _) = Api.StartSecondInstance();
        var body = new { facilityCode = TestSettings.FacilityCode, pin = "9999" };

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(() => (i % 2 == 0 ? Client : other).PostAsync("/v1/facilities/verify", body))));

        Assert.Equal(5, await Api.ScalarRawAsync<long>("SELECT failures FROM guess_counters WHERE scope = 'facility-code'"));
        var right = await other.PostAsync("/v1/facilities/verify", new { facilityCode = TestSettings.FacilityCode, pin = TestSettings.FacilityPin });
        await right.ProblemAsync(HttpStatusCode.Locked, "facility-locked");
    }

    [Fact]
    public async Task EventFeed_WrittenByTwoHostsAtOnce_AReaderFollowingItsCursorMissesNothing()
    {
        var (other, otherMatcher) = Api.StartSecondInstance();
        var requests = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            requests.Add((await (i % 2 == 0 ? Client : other).SubmitAsync()).RequestId);
        }

        using var stop = new CancellationTokenSource();
        var seen = new List<long>();
        var reader = Task.Run(async () =>
        {
            long cursor = 0;
            while (true)
            {
                var page = await (await Client.GetAsync($"/v1/events?after={cursor}&limit=7")).ReadAsync<EventPage>();
                seen.AddRange(page.Events.Select(e => e.Id));
                cursor = page.NextCursor;
                if (page.Events.Count == 0 && stop.IsCancellationRequested)
                {
                    return;
                }
            }
        });

        await Task.WhenAll(Task.Run(() => Api.MatchAsync()), Task.Run(() => otherMatcher.RunOnceAsync()));
        await Task.WhenAll(requests.Select((id, i) => Task.Run(async () =>
        {
            var client = i % 2 == 0 ? Client : other;
            var offer = (await client.StatusAsync(id)).Offer;
            if (offer is not null)
            {
                await (i % 3 == 0 ? client.DeclineAsync(offer.OfferId) : client.AcceptAsync(offer.OfferId));
            }
        })));
        await Task.WhenAll(Task.Run(() => Api.MatchAsync()), Task.Run(() => otherMatcher.RunOnceAsync()));
        await stop.CancelAsync();
        await reader;

        var all = await Api.QueryRawAsync<long>("SELECT id FROM events ORDER BY id");
        Assert.True(all.Count > 100, $"only {all.Count} events");
        Assert.Equal(all, seen);
    }

    /// <summary>
    /// Another instance is committing an event (it holds the feed's lock and has its row inserted, not yet
    /// committed): this instance's event must wait, or a reader would see the later id first and step over the earlier.
    /// </summary>
    [Fact]
    public async Task EventFeed_AnotherInstanceMidCommit_ThisOneWaitsSoIdsAppearInOrder()
    {
        await using var otherInstance = new NpgsqlConnection(Api.PostgresConnectionString);
        await otherInstance.OpenAsync();
        await using var committing = await otherInstance.BeginTransactionAsync();
        await otherInstance.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('scheduling-events', 0))", transaction: committing);
        await otherInstance.ExecuteAsync("INSERT INTO events (type, occurred_ms, request_id) VALUES ('offer.made', 0, 'br_other')", transaction: committing);

        var mine = Task.Run(async () =>
        {
            await using var scope = Api.Services.CreateAsyncScope();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await unitOfWork.BeginAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IEventStore>().AppendAsync(new SchedulingEvent(0, EventTypes.OfferMade, TestSettings.Start, "br_mine", null, Channel.Web, null), CancellationToken.None);
            await unitOfWork.CommitAsync(CancellationToken.None);
        });
        await Task.Delay(500);

        Assert.False(mine.IsCompleted, "this instance's event committed while another's was still being committed");
        Assert.Empty((await (await Client.GetAsync("/v1/events?after=0")).ReadAsync<EventPage>()).Events);
        await committing.CommitAsync();
        await mine;

        var events = (await (await Client.GetAsync("/v1/events?after=0")).ReadAsync<EventPage>()).Events;
        Assert.Equal(["br_other", "br_mine"], events.Select(e => e.RequestId));
    }
}
