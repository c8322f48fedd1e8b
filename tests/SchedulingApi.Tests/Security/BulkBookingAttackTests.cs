using System.Net;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>
/// OWASP API6. The measured attack booked 600 places in 1.6 s from one anonymous client. Now it
/// needs a key; with one, a client's new requests are limited by its role (web: 600 a minute, 12,000
/// an hour), counted in the database every API instance shares, and each person may hold one open request.
/// This class gives the web client a smaller budget (100 a minute, 150 an hour) so a flood fits in a test.
/// </summary>
public sealed class BulkBookingAttackTests : ApiTest
{
    private HttpClient Web => Api.ClientWithKey(TestSettings.WebKey);

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["ApiClients:web:BookingsPerMinute"] = "100";
        settings["ApiClients:web:BookingsPerHour"] = "150";

        // A flood on 2 busy cores can queue a count behind SQLite's one writer for over the 1 s a request waits
        // before it is let through uncounted (fail open, its own tests): these tests are about the counting.
        settings["SharedRateLimits:StoreTimeout"] = "00:01:00";
    }

    [Fact]
    public async Task Submit_150PeopleAtOnceFromOneClient_OnlyItsMinuteQueued_RestRefusedUntilTheMinuteEnds()
    {
        using var refusals = SecurityAsserts.Refusals(Api);
        Api.Clock.Advance(TimeSpan.FromSeconds(15));

        var responses = await Task.WhenAll(Enumerable.Range(0, 150).Select(_ =>
            Web.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "web"), ApiCalls.NewKey())));

        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Accepted);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(100, accepted);
        Assert.Equal(50, refused.Count);
        foreach (var refusal in refused.Take(10))
        {
            Assert.Equal(TimeSpan.FromSeconds(45), await refusal.RetryAfterAsync(HttpStatusCode.TooManyRequests, "rate-limited"));
        }

        Assert.Equal(50, refusals.Count(SecurityReasons.BookingRate));
        SecurityAsserts.Logged(Api, SecurityReasons.BookingRate, "web");
        Assert.Equal(accepted + 1, (await Client.SubmitAsync()).QueuePosition);
    }

    [Fact]
    public async Task Submit_HourBudgetSpent_RefusedUntilTheHourEnds_ThenAcceptedAgain()
    {
        Assert.Equal(100, await AcceptedOfAsync(Web, 100));
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(50, await AcceptedOfAsync(Web, 60)); // the hour's 150 reached

        var refused = await Web.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "web"), ApiCalls.NewKey());
        Assert.Equal(TimeSpan.FromMinutes(59), await refused.RetryAfterAsync(HttpStatusCode.TooManyRequests, "rate-limited"));

        Api.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(1, await AcceptedOfAsync(Web, 1));
    }

    [Fact]
    public async Task Submit_ThroughTwoApiInstancesOnOneDatabase_OneBudgetForTheClient()
    {
        var (second, _) = Api.StartSecondInstance(TestSettings.WebKey);

        var accepted = await Task.WhenAll(AcceptedOfAsync(Web, 80), AcceptedOfAsync(second, 80));

        Assert.Equal(100, accepted.Sum());
        await (await second.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "web"), ApiCalls.NewKey()))
            .RetryAfterAsync(HttpStatusCode.TooManyRequests, "rate-limited");
    }

    [Fact]
    public async Task Submit_CountersStoreNoClientNameOrKey()
    {
        await AcceptedOfAsync(Web, 3);

        var keys = await Api.QueryRawAsync<string>("SELECT partition_key FROM rate_limit_windows ORDER BY partition_key");

        Assert.Equal(2, keys.Count); // this minute's and this hour's count of one client
        Assert.All(keys, key => Assert.Matches("^api-bookings:[0-9a-f]{64}/(60|3600)s$", key));
    }

    private static async Task<int> AcceptedOfAsync(HttpClient client, int count)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
            client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "web"), ApiCalls.NewKey())));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
        return responses.Count(r => r.StatusCode == HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Submit_OtherClientsUnaffectedByOnesFlood()
    {
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            Web.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "web"), ApiCalls.NewKey())));

        var caller = await Api.ClientWithKey(TestSettings.PhoneLineKey).PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(), ApiCalls.NewKey());

        Assert.Equal(HttpStatusCode.Accepted, caller.StatusCode);
    }

    [Fact]
    public async Task Submit_SamePersonAgainWithNewKeys_409EachTime()
    {
        using var refusals = SecurityAsserts.Refusals(Api);
        var person = ApiCalls.BookingRequest(channel: "web");
        await Web.SubmitAsync(person);

        for (var i = 0; i < 3; i++)
        {
            await (await Web.PostAsync("/v1/booking-requests", person, ApiCalls.NewKey())).ProblemAsync(HttpStatusCode.Conflict, "duplicate-request");
        }

        Assert.Equal(3, refusals.Count(SecurityReasons.DuplicatePerson));
        Assert.Equal(2, (await Client.SubmitAsync()).QueuePosition);
    }

    [Fact]
    public async Task Submit_SamePersonThroughTheLineAfterTheWeb_409()
    {
        var phone = ApiCalls.NewPhone();
        await Web.SubmitAsync(ApiCalls.BookingRequest(channel: "web", contactPhone: phone));

        var response = await Api.ClientWithKey(TestSettings.PhoneLineKey).PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "phone", contactPhone: phone), ApiCalls.NewKey());

        await response.ProblemAsync(HttpStatusCode.Conflict, "duplicate-request");
    }

    [Fact]
    public async Task Submit_TwinsSharingAPhone_BothBookedWhenNamed()
    {
        var phone = ApiCalls.NewPhone();
        var line = Api.ClientWithKey(TestSettings.PhoneLineKey);

        await line.SubmitAsync(Twin("Ada Lovelace", phone));
        var second = await line.PostAsync("/v1/booking-requests", Twin("Ida Lovelace", phone), ApiCalls.NewKey());

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
    }

    [Fact]
    public async Task Submit_AfterTheBookingIsCancelled_PersonMayBookAgain()
    {
        var person = ApiCalls.BookingRequest(channel: "web");
        var accepted = await Web.SubmitAsync(person);
        await Api.MatchAsync();
        var booked = await (await Web.AcceptAsync((await Web.OfferAsync(accepted.RequestId)).OfferId)).ReadAsync<AcceptOfferResponse>();
        await (await Web.PostAsync("/v1/bookings/cancel", new { booked.Booking.ConfirmationCode, birthDate = TestSettings.SeniorBirthDate }, ApiCalls.NewKey())).ReadAsync<BookingResponse>();

        var again = await Web.PostAsync("/v1/booking-requests", person, ApiCalls.NewKey());

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    private static object Twin(string name, string phone) => new
    {
        person = new { birthDate = TestSettings.SeniorBirthDate, name, language = "en-CA" },
        preferences = new[] { new { partOfDay = "any" } },
        channel = "agent",
        contactPhone = phone,
    };
}
