using System.Net;

namespace PhoneBooking.SchedulingApi.Tests.Offers;

public sealed class OfferEndpointsTests : ApiTest
{
    [Fact]
    public async Task Accept_PendingOffer_BookingWithEightDigitCode()
    {
        var (requestId, offer) = await OfferedAsync();

        var accepted = await (await Client.AcceptAsync(offer.OfferId)).ReadAsync<AcceptOfferResponse>();

        Assert.Equal(requestId, accepted.RequestId);
        Assert.Matches("^[1-9][0-9]{7}$", accepted.Booking.ConfirmationCode);
        Assert.Equal(BookingStatus.Confirmed, accepted.Booking.Status);
        Assert.Equal(offer.WindowStart, accepted.Booking.WindowStart);
        Assert.Equal(offer.SiteId, accepted.Booking.SiteId);
        var status = await Client.StatusAsync(requestId);
        Assert.Equal(RequestStatus.Booked, status.Status);
        Assert.Equal(OfferStatus.Accepted, status.Offer!.Status);
        Assert.Equal(accepted.Booking, status.Booking);
    }

    [Fact]
    public async Task Accept_RetrySameKey_SameBookingReplayed()
    {
        var (_, offer) = await OfferedAsync();
        var key = ApiCalls.NewKey();

        var first = await (await Client.AcceptAsync(offer.OfferId, key)).ReadAsync<AcceptOfferResponse>();
        var retry = await (await Client.AcceptAsync(offer.OfferId, key)).ReadAsync<AcceptOfferResponse>();

        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task Accept_AlreadyAcceptedWithNewKey_409Decided()
    {
        var (_, offer) = await OfferedAsync();
        await (await Client.AcceptAsync(offer.OfferId)).ReadAsync<AcceptOfferResponse>();

        await (await Client.AcceptAsync(offer.OfferId)).ProblemAsync(HttpStatusCode.Conflict, "offer-decided");
        await (await Client.DeclineAsync(offer.OfferId)).ProblemAsync(HttpStatusCode.Conflict, "offer-decided");
    }

    [Fact]
    public async Task Accept_ConcurrentFromTwoDevices_OneBookingOneConflict()
    {
        var (requestId, offer) = await OfferedAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Client.AcceptAsync(offer.OfferId))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await conflict.ProblemAsync(HttpStatusCode.Conflict, "offer-decided");
        }

        var windows = await (await Client.GetAsync($"/v1/availability?from=2026-11-23&to=2026-11-23&siteId={offer.SiteId}")).ReadAsync<WindowResponse[]>();
        Assert.Equal(11, windows.Single(w => w.Start == offer.WindowStart).Remaining);
        Assert.Equal(RequestStatus.Booked, (await Client.StatusAsync(requestId)).Status);
    }

    [Fact]
    public async Task Accept_UnknownOffer_404() =>
        await (await Client.AcceptAsync("of_000000000000000000000000")).ProblemAsync(HttpStatusCode.NotFound, "not-found");

    [Fact]
    public async Task Accept_MissingKey_400() =>
        await (await Client.PostAsync("/v1/offers/of_x/accept", null)).ProblemAsync(HttpStatusCode.BadRequest, "idempotency-key-missing");

    [Fact]
    public async Task Accept_AfterHoldRanOut_409ExpiredPlaceReleasedRequestRequeued()
    {
        var (requestId, offer) = await OfferedAsync(channel: "web");
        Api.Clock.Advance(TimeSpan.FromMinutes(10)); // no matcher pass: the accept itself notices

        await (await Client.AcceptAsync(offer.OfferId)).ProblemAsync(HttpStatusCode.Conflict, "offer-expired");

        var status = await Client.StatusAsync(requestId);
        Assert.Equal(RequestStatus.Queued, status.Status);
        Assert.Equal(2, status.OffersRemaining);
        var windows = await (await Client.GetAsync($"/v1/availability?from=2026-11-23&to=2026-11-23&siteId={offer.SiteId}")).ReadAsync<WindowResponse[]>();
        Assert.Equal(12, windows.Single(w => w.Start == offer.WindowStart).Remaining);
    }

    [Fact]
    public async Task HoldExpiry_MatcherSweep_ExpiresRequeuesAndOffersAnotherWindow()
    {
        var (requestId, offer) = await OfferedAsync(channel: "web");
        Api.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, (await Api.MatchAsync()).OffersExpired);

        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        var pass = await Api.MatchAsync();

        Assert.Equal(1, pass.OffersExpired);
        Assert.Equal(1, pass.OffersMade);
        var status = await Client.StatusAsync(requestId);
        Assert.Equal(2, status.OffersMade);
        Assert.NotEqual(offer.OfferId, status.Offer!.OfferId);
        Assert.NotEqual((offer.SiteId, offer.WindowStart), (status.Offer.SiteId, status.Offer.WindowStart)); // never the same window twice
        await (await Client.AcceptAsync(offer.OfferId)).ProblemAsync(HttpStatusCode.Conflict, "offer-expired");
    }

    [Fact]
    public async Task DeliveryDeadline_NoHoldStarted_OfferExpires()
    {
        var (requestId, offer) = await OfferedAsync(channel: "phone");
        Assert.Null(offer.HoldStartedAt);

        Api.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, (await Api.MatchAsync()).OffersExpired);
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await Api.MatchAsync()).OffersExpired);

        await (await Client.HoldAsync(offer.OfferId)).ProblemAsync(HttpStatusCode.Conflict, "offer-expired");
        Assert.Equal(2, (await Client.StatusAsync(requestId)).OffersMade);
    }

    [Fact]
    public async Task Hold_StartedLateInDeliveryWindow_PersonStillGetsFullHoldOnce()
    {
        var (_, offer) = await OfferedAsync(channel: "phone");
        Api.Clock.Advance(TimeSpan.FromMinutes(55)); // reached just before the delivery deadline

        var held = await (await Client.HoldAsync(offer.OfferId)).ReadAsync<OfferResponse>();
        Api.Clock.Advance(TimeSpan.FromMinutes(3));
        var again = await (await Client.HoldAsync(offer.OfferId)).ReadAsync<OfferResponse>();

        var reachedAt = TestSettings.Start.AddMinutes(55);
        Assert.Equal(reachedAt, held.HoldStartedAt);
        Assert.Equal(reachedAt.AddMinutes(10), held.ExpiresAt);
        Assert.Equal(held.HoldStartedAt, again.HoldStartedAt);
        Assert.Equal(held.ExpiresAt, again.ExpiresAt);

        Api.Clock.Advance(TimeSpan.FromMinutes(6)); // 64 minutes after the offer: past the delivery deadline, inside the hold
        Assert.Equal(0, (await Api.MatchAsync()).OffersExpired);
        Assert.Equal(HttpStatusCode.OK, (await Client.AcceptAsync(offer.OfferId)).StatusCode);
    }

    [Fact]
    public async Task Decline_ThenCap_RequeuedTwiceThenClosed()
    {
        var (requestId, offer) = await OfferedAsync();
        var seen = new HashSet<(string, DateTimeOffset)> { (offer.SiteId, offer.WindowStart) };

        var first = await (await Client.DeclineAsync(offer.OfferId)).ReadAsync<DeclineOfferResponse>();
        Assert.Equal(new DeclineOfferResponse(requestId, RequestStatus.Queued, 2), first);

        await Api.MatchAsync();
        offer = await Client.OfferAsync(requestId);
        Assert.True(seen.Add((offer.SiteId, offer.WindowStart))); // never the same window twice
        var second = await (await Client.DeclineAsync(offer.OfferId)).ReadAsync<DeclineOfferResponse>();
        Assert.Equal(new DeclineOfferResponse(requestId, RequestStatus.Queued, 1), second);

        await Api.MatchAsync();
        offer = await Client.OfferAsync(requestId);
        Assert.True(seen.Add((offer.SiteId, offer.WindowStart))); // never the same window twice
        var third = await (await Client.DeclineAsync(offer.OfferId)).ReadAsync<DeclineOfferResponse>();
        Assert.Equal(new DeclineOfferResponse(requestId, RequestStatus.Closed, 0), third);

        Assert.Equal(0, (await Api.MatchAsync()).OffersMade);
        var status = await Client.StatusAsync(requestId);
        Assert.Equal(RequestStatus.Closed, status.Status);
        Assert.Equal(3, status.OffersMade);
        Assert.Equal(OfferStatus.Declined, status.Offer!.Status);
        var types = (await (await Client.GetAsync("/v1/events")).ReadAsync<EventPage>()).Events.Select(e => e.Type);
        Assert.Equal(["offer.made", "offer.declined", "offer.made", "offer.declined", "offer.made", "offer.declined", "request.closed"], types);
    }

    private async Task<(string RequestId, OfferResponse Offer)> OfferedAsync(string channel = "phone")
    {
        var accepted = await Client.SubmitAsync(ApiCalls.BookingRequest(channel: channel));
        await Api.MatchAsync();
        return (accepted.RequestId, await Client.OfferAsync(accepted.RequestId));
    }
}
