using System.Net;

namespace PhoneBooking.SchedulingApi.Tests.Bookings;

public sealed class BookingEndpointsTests : ApiTest
{
    protected override void Configure(Dictionary<string, string?> settings) => TestSettings.SingleWindow(settings, capacity: 1);

    [Fact]
    public async Task Lookup_CodeAndBirthDate_Booking()
    {
        var booking = await BookAsync();

        var found = await (await Client.PostAsync("/v1/bookings/lookup", new { booking.ConfirmationCode, birthDate = TestSettings.SeniorBirthDate })).ReadAsync<BookingResponse>();

        Assert.Equal(booking, found);
        Assert.Equal("solo", found.SiteId);
    }

    [Theory]
    [InlineData("1950-03-24")]
    [InlineData(null)]
    public async Task Lookup_WrongBirthDateOrCode_404(string? birthDate)
    {
        var booking = await BookAsync();
        var code = birthDate is null ? "12345678" : booking.ConfirmationCode;

        var response = await Client.PostAsync("/v1/bookings/lookup", new { confirmationCode = code, birthDate = birthDate ?? TestSettings.SeniorBirthDate });

        await response.ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("{\"confirmationCode\":\"48-21\",\"birthDate\":\"1950-03-23\"}", "confirmationCode")]
    [InlineData("{\"confirmationCode\":48213907,\"birthDate\":\"1950-03-23\"}", "confirmationCode")]
    [InlineData("{\"confirmationCode\":\"48213907\"}", "birthDate")]
    public async Task Lookup_BadInput_400(string body, string field) =>
        await (await Client.PostAsync("/v1/bookings/lookup", body)).ValidationErrorAsync(field);

    [Fact]
    public async Task Cancel_FreesThePlace_NextInQueueGetsIt()
    {
        var booking = await BookAsync();
        var waiting = await Client.SubmitAsync();
        Assert.Equal(0, (await Api.MatchAsync()).OffersMade);

        var cancelled = await (await Client.PostAsync("/v1/bookings/cancel", new { booking.ConfirmationCode, birthDate = TestSettings.SeniorBirthDate }, ApiCalls.NewKey())).ReadAsync<BookingResponse>();

        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        Assert.Equal(RequestStatus.Cancelled, (await Client.StatusAsync(booking.RequestId)).Status);
        Assert.Equal(1, (await Api.MatchAsync()).OffersMade);
        Assert.Equal(RequestStatus.Offered, (await Client.StatusAsync(waiting.RequestId)).Status);
        var lookedUp = await (await Client.PostAsync("/v1/bookings/lookup", new { booking.ConfirmationCode, birthDate = TestSettings.SeniorBirthDate })).ReadAsync<BookingResponse>();
        Assert.Equal(BookingStatus.Cancelled, lookedUp.Status);
    }

    [Fact]
    public async Task Cancel_Twice_ReplayWithSameKey409WithNew()
    {
        var booking = await BookAsync();
        var body = new { booking.ConfirmationCode, birthDate = TestSettings.SeniorBirthDate };
        var key = ApiCalls.NewKey();
        await (await Client.PostAsync("/v1/bookings/cancel", body, key)).ReadAsync<BookingResponse>();

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync("/v1/bookings/cancel", body, key)).StatusCode);
        await (await Client.PostAsync("/v1/bookings/cancel", body, ApiCalls.NewKey())).ProblemAsync(HttpStatusCode.Conflict, "booking-cancelled");
        var window = Assert.Single(await (await Client.GetAsync("/v1/availability")).ReadAsync<WindowResponse[]>());
        Assert.Equal(1, window.Remaining); // freed once, not twice
    }

    [Fact]
    public async Task Cancel_WrongBirthDate_404AndBookingKept()
    {
        var booking = await BookAsync();

        await (await Client.PostAsync("/v1/bookings/cancel", new { booking.ConfirmationCode, birthDate = "1950-03-24" }, ApiCalls.NewKey()))
            .ProblemAsync(HttpStatusCode.NotFound, "not-found");

        Assert.Equal(RequestStatus.Booked, (await Client.StatusAsync(booking.RequestId)).Status);
    }

    [Fact]
    public async Task Cancel_MissingKey_400() =>
        await (await Client.PostAsync("/v1/bookings/cancel", new { confirmationCode = "12345678", birthDate = TestSettings.SeniorBirthDate }))
            .ProblemAsync(HttpStatusCode.BadRequest, "idempotency-key-missing");

    private async Task<BookingResponse> BookAsync()
    {
        var accepted = await Client.SubmitAsync();
        await Api.MatchAsync();
        var offer = await Client.OfferAsync(accepted.RequestId);
        return (await (await Client.AcceptAsync(offer.OfferId)).ReadAsync<AcceptOfferResponse>()).Booking;
    }
}
