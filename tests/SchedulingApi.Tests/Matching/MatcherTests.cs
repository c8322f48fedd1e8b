
namespace PhoneBooking.SchedulingApi.Tests.Matching;

public sealed class MatcherTests : ApiTest
{
    private static readonly TimeSpan Toronto = TimeSpan.FromHours(-5);

    [Fact]
    public async Task Match_BestRankedPreferenceWithRoom_EarliestMatchingWindow()
    {
        var accepted = await Client.SubmitAsync(ApiCalls.BookingRequest(preferences:
        [
            new { dayOfWeek = "thursday", partOfDay = "evening", siteId = "south" },
            new { date = "2026-11-25", partOfDay = "afternoon" },
        ]));

        await Api.MatchAsync();
        var offer = await Client.OfferAsync(accepted.RequestId);

        Assert.Equal("south", offer.SiteId);
        Assert.Equal("Saint South Clinic", offer.SpokenSiteName);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 17, 0, 0, Toronto), offer.WindowStart); // first Thursday evening
        Assert.Equal(offer.WindowStart.AddHours(1), offer.WindowEnd);
    }

    [Fact]
    public async Task Match_FirstPreferenceHasNoWindow_SecondPreferenceUsed()
    {
        var accepted = await Client.SubmitAsync(ApiCalls.BookingRequest(preferences:
        [
            new { date = "2026-11-25", partOfDay = "evening", siteId = "north" }, // north closes at 17:00
            new { date = "2026-11-25", partOfDay = "afternoon" },
        ]));

        await Api.MatchAsync();
        var offer = await Client.OfferAsync(accepted.RequestId);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, Toronto), offer.WindowStart);
    }

    [Fact]
    public async Task Match_NoPreferenceHasRoom_NearestWindowFromNowPlusLead()
    {
        var accepted = await Client.SubmitAsync(ApiCalls.BookingRequest(preferences: [new { date = "2027-06-01", partOfDay = "morning" }]));

        await Api.MatchAsync();
        var offer = await Client.OfferAsync(accepted.RequestId);

        // Now is 09:00; windows starting within the 120-minute lead are not offered.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 0, 0, Toronto), offer.WindowStart);
    }

    [Fact]
    public async Task Match_IneligibleRequest_WaitsUntilGroupOpensThenOffered()
    {
        var accepted = await Client.SubmitAsync(ApiCalls.BookingRequest(birthDate: TestSettings.AdultBirthDate));
        var before = await Api.MatchAsync();
        Assert.Equal(0, before.OffersMade);
        Assert.Equal(RequestStatus.AwaitingEligibility, (await Client.StatusAsync(accepted.RequestId)).Status);

        Api.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero)); // Dec 1, 00:00 Toronto
        var after = await Api.MatchAsync();

        Assert.Equal(1, after.RequestsEligible);
        Assert.Equal(1, after.OffersMade);
        var status = await Client.StatusAsync(accepted.RequestId);
        Assert.Equal(RequestStatus.Offered, status.Status);
        Assert.Equal(new DateOnly(2026, 12, 1), status.EligibleFrom); // kept: when the group opened
        var page = await (await Client.GetAsync("/v1/events")).ReadAsync<EventPage>();
        Assert.Equal(["request.eligible", "offer.made"], page.Events.Select(e => e.Type));
    }

    [Fact]
    public async Task Availability_OfferMade_RemainingDrops()
    {
        await Client.SubmitAsync(ApiCalls.BookingRequest(preferences: [new { date = "2026-11-24", partOfDay = "morning", siteId = "north" }]));
        await Api.MatchAsync();

        var windows = await (await Client.GetAsync("/v1/availability?from=2026-11-24&to=2026-11-24&siteId=north")).ReadAsync<WindowResponse[]>();

        Assert.Equal(11, windows[0].Remaining);
        Assert.All(windows.Skip(1), w => Assert.Equal(12, w.Remaining));
    }

    [Fact]
    public async Task Match_Twice_NothingNewOffered()
    {
        await Client.SubmitAsync();

        var first = await Api.MatchAsync();
        var second = await Api.MatchAsync();

        Assert.Equal(1, first.OffersMade);
        Assert.Equal(0, second.OffersMade);
    }
}

public sealed class ScarceCapacityMatcherTests : ApiTest
{
    protected override void Configure(Dictionary<string, string?> settings) => TestSettings.SingleWindow(settings, capacity: 2);

    [Fact]
    public async Task Match_MoreRequestsThanPlaces_ArrivalOrderWinsRestStayQueued()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await Client.SubmitAsync()).RequestId);
        }

        var pass = await Api.MatchAsync();

        Assert.Equal(2, pass.OffersMade);
        Assert.Equal(RequestStatus.Offered, (await Client.StatusAsync(ids[0])).Status);
        Assert.Equal(RequestStatus.Offered, (await Client.StatusAsync(ids[1])).Status);
        var last = await Client.StatusAsync(ids[2]);
        Assert.Equal(RequestStatus.Queued, last.Status);
        Assert.Equal(1, last.QueuePosition);
    }

    [Fact]
    public async Task Match_DeclinedPlace_GoesToNextInQueue_NotBackToDecliner()
    {
        var first = await Client.SubmitAsync();
        var second = await Client.SubmitAsync();
        var third = await Client.SubmitAsync();
        await Api.MatchAsync();

        await (await Client.DeclineAsync((await Client.OfferAsync(first.RequestId)).OfferId)).ReadAsync<DeclineOfferResponse>();
        await Api.MatchAsync();

        // The only window was declined by the first requester: it is never offered to them again.
        Assert.Equal(RequestStatus.Queued, (await Client.StatusAsync(first.RequestId)).Status);
        Assert.Equal(RequestStatus.Offered, (await Client.StatusAsync(second.RequestId)).Status);
        Assert.Equal(RequestStatus.Offered, (await Client.StatusAsync(third.RequestId)).Status);
    }
}
