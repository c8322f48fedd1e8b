using System.Net;

namespace PhoneBooking.SchedulingApi.Tests.BookingRequests;

public sealed class BookingRequestEndpointsTests : ApiTest
{
    [Fact]
    public async Task Submit_EligiblePerson_202QueuedWithLocationPositionAndEstimate()
    {
        var response = await Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(), ApiCalls.NewKey());
        var accepted = await response.ReadAsync<BookingRequestAccepted>(HttpStatusCode.Accepted);

        Assert.Matches("^br_[0-9a-f]{24}$", accepted.RequestId);
        Assert.Equal($"/v1/booking-requests/{accepted.RequestId}", response.Headers.Location?.OriginalString);
        Assert.Equal(RequestStatus.Queued, accepted.Status);
        Assert.Equal(1, accepted.QueuePosition);
        Assert.NotNull(accepted.EstimatedOfferAt);
        Assert.True(accepted.EstimatedOfferAt >= TestSettings.Start);
        Assert.Null(accepted.EligibleFrom);
    }

    [Fact]
    public async Task Submit_Several_PositionsInArrivalOrder()
    {
        var positions = new List<int?>();
        for (var i = 0; i < 3; i++)
        {
            positions.Add((await Client.SubmitAsync()).QueuePosition);
        }

        Assert.Equal([1, 2, 3], positions);
    }

    [Fact]
    public async Task Submit_IneligiblePerson_AwaitingEligibilityWithOpeningDate()
    {
        var accepted = await Client.SubmitAsync(ApiCalls.BookingRequest(birthDate: TestSettings.AdultBirthDate));

        Assert.Equal(RequestStatus.AwaitingEligibility, accepted.Status);
        Assert.Equal(new DateOnly(2026, 12, 1), accepted.EligibleFrom);
        Assert.Null(accepted.QueuePosition);
        Assert.Null(accepted.EstimatedOfferAt);
    }

    [Fact]
    public async Task Status_Queued_PositionAndNoOffer()
    {
        var first = await Client.SubmitAsync();
        var second = await Client.SubmitAsync();

        var status = await Client.StatusAsync(second.RequestId);

        Assert.Equal(RequestStatus.Queued, status.Status);
        Assert.Equal(Channel.Phone, status.Channel);
        Assert.Equal(2, status.QueuePosition);
        Assert.Equal(0, status.OffersMade);
        Assert.Equal(3, status.OffersRemaining);
        Assert.Null(status.Offer);
        Assert.Null(status.Booking);
        Assert.NotEqual(first.RequestId, second.RequestId);
    }

    [Fact]
    public async Task Status_NeverReturnsPersonalData()
    {
        var accepted = await Client.SubmitAsync(ApiCalls.BookingRequest(contactPhone: "+14165550123"));
        await Api.MatchAsync();

        var json = await (await Client.GetAsync($"/v1/booking-requests/{accepted.RequestId}")).Content.ReadAsStringAsync();

        Assert.Contains("\"offer\":{", json, StringComparison.Ordinal);
        Assert.DoesNotContain("1950-03-23", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", json, StringComparison.Ordinal);
        Assert.DoesNotContain("+14165550123", json, StringComparison.Ordinal);
        Assert.DoesNotContain("1234-567-890", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Invalid_NothingQueued()
    {
        await (await Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "fax"), ApiCalls.NewKey())).ValidationErrorAsync("channel");

        Assert.Equal(1, (await Client.SubmitAsync()).QueuePosition);
        Assert.Equal(1, (await Api.MatchAsync()).OffersMade);
    }

    [Fact]
    public async Task Submit_HoldStartDefaults_WebOnOfferPhoneOnDelivery()
    {
        var web = await Client.SubmitAsync(ApiCalls.BookingRequest(channel: "web"));
        var phone = await Client.SubmitAsync(ApiCalls.BookingRequest(channel: "phone"));
        await Api.MatchAsync();

        var webOffer = await Client.OfferAsync(web.RequestId);
        var phoneOffer = await Client.OfferAsync(phone.RequestId);

        Assert.Equal(TestSettings.Start, webOffer.HoldStartedAt);
        Assert.Equal(TestSettings.Start.AddMinutes(10), webOffer.ExpiresAt);
        Assert.Null(phoneOffer.HoldStartedAt);
        Assert.Equal(TestSettings.Start.AddMinutes(60), phoneOffer.ExpiresAt);
    }
}
