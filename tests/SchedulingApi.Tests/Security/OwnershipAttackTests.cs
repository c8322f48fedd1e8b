using System.Net;
using System.Text.Json;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>
/// A client with a key (the web site's, stolen or misused) goes after what the phone line booked:
/// it reads the event feed, follows a request id to its confirmation code, declines someone's offers
/// until their request closes. Each is refused as if the id did not exist.
/// </summary>
public sealed class OwnershipAttackTests : ApiTest
{
    private HttpClient Line => Api.ClientWithKey(TestSettings.PhoneLineKey);

    private HttpClient Web => Api.ClientWithKey(TestSettings.WebKey);

    [Fact]
    public async Task Events_ReadByAnotherClient_NoneOfTheLinesIds()
    {
        var callers = await Line.SubmitAsync();
        await Api.MatchAsync();
        var webOwn = await Web.SubmitAsync(ApiCalls.BookingRequest(channel: "web"));
        await Api.MatchAsync();

        var attackerPage = await (await Web.GetAsync("/v1/events?after=0")).ReadAsync<EventPage>();
        var linePage = await (await Line.GetAsync("/v1/events?after=0")).ReadAsync<EventPage>();

        Assert.DoesNotContain(attackerPage.Events, e => e.RequestId == callers.RequestId);
        Assert.Contains(attackerPage.Events, e => e.RequestId == webOwn.RequestId);
        Assert.Contains(linePage.Events, e => e.RequestId == callers.RequestId && e.Type == EventTypes.OfferMade);
        Assert.DoesNotContain(linePage.Events, e => e.RequestId == webOwn.RequestId);
    }

    [Fact]
    public async Task Status_RequestIdOfAnotherClient_404WithoutConfirmationCode()
    {
        var accepted = await Line.SubmitAsync();
        await Api.MatchAsync();
        var booked = await (await Line.AcceptAsync((await Line.OfferAsync(accepted.RequestId)).OfferId)).ReadAsync<AcceptOfferResponse>();

        var response = await Web.GetAsync($"/v1/booking-requests/{accepted.RequestId}");

        var body = await response.Content.ReadAsStringAsync();
        await response.ProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.DoesNotContain(booked.Booking.ConfirmationCode, body, StringComparison.Ordinal);
        Assert.Equal(booked.Booking.ConfirmationCode, (await Line.StatusAsync(accepted.RequestId)).Booking?.ConfirmationCode);
    }

    [Fact]
    public async Task Decline_OffersOfAnotherClientsRequest_404AndTheRequestKeepsItsOffers()
    {
        var accepted = await Line.SubmitAsync();
        await Api.MatchAsync();
        var offer = await Line.OfferAsync(accepted.RequestId);

        // Decline, accept, hold: every way of deciding someone else's offer.
        for (var i = 0; i < 3; i++)
        {
            await (await Web.DeclineAsync(offer.OfferId)).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        await (await Web.AcceptAsync(offer.OfferId)).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await Web.HoldAsync(offer.OfferId)).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        var status = await Line.StatusAsync(accepted.RequestId);
        Assert.Equal(RequestStatus.Offered, status.Status);
        Assert.Equal(OfferStatus.Pending, status.Offer?.Status);
        Assert.Null(status.Offer?.HoldStartedAt);
        Assert.Equal(2, status.OffersRemaining);
    }

    [Fact]
    public async Task Decline_UnknownAndForeignOffer_SameAnswer()
    {
        var accepted = await Line.SubmitAsync();
        await Api.MatchAsync();
        var offer = await Line.OfferAsync(accepted.RequestId);

        var foreign = await (await Web.DeclineAsync(offer.OfferId)).Content.ReadAsStringAsync();
        var unknown = await (await Web.DeclineAsync("of_000000000000000000000000")).Content.ReadAsStringAsync();

        Assert.Equal(Without(foreign, "traceId"), Without(unknown, "traceId"));
    }

    [Fact]
    public async Task GroupVisit_OfAnotherClient_404()
    {
        var visit = await (await Line.PostAsync(
            "/v1/group-visits",
            new { facilityCode = TestSettings.FacilityCode, pin = TestSettings.FacilityPin, residentCount = 4, staffCount = 1, preferredDates = new[] { "2026-12-01" }, contactPhone = "+14165550123" },
            ApiCalls.NewKey())).ReadAsync<GroupVisitAccepted>(HttpStatusCode.Accepted);

        await (await Web.GetAsync($"/v1/group-visits/{visit.GroupVisitId}")).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await Line.GetAsync($"/v1/group-visits/{visit.GroupVisitId}")).StatusCode);
    }

    private static string Without(string json, string property)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove(property);
        return node.ToJsonString(new JsonSerializerOptions());
    }
}
