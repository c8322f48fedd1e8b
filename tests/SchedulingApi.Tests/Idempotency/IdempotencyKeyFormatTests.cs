namespace PhoneBooking.SchedulingApi.Tests.Idempotency;

public sealed class IdempotencyKeyFormatTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private HttpClient Client => shared.Client;

    [Theory]
    [InlineData("k\u00e9y")]
    [InlineData("line\tbreak")]
    public async Task Submit_KeyNotPrintableAscii_400(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/booking-requests")
        {
            Content = System.Net.Http.Json.JsonContent.Create(ApiCalls.BookingRequest(), options: ApiCalls.Json),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        await (await Client.SendAsync(request)).ValidationErrorAsync("Idempotency-Key");
    }

    [Fact]
    public async Task Submit_KeyTooLong_400() =>
        await (await Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(), new string('k', 201))).ValidationErrorAsync("Idempotency-Key");
}
