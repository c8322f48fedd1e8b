namespace PhoneBooking.SchedulingApi.Tests.Facilities;

public sealed class FacilityValidationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private HttpClient Client => shared.Client;

    [Theory]
    [InlineData("{\"facilityCode\":\"12\",\"pin\":\"2468\"}", "facilityCode")]
    [InlineData("{\"facilityCode\":\"123456\",\"pin\":\"24 68\"}", "pin")]
    [InlineData("{\"facilityCode\":\"123456\"}", "pin")]
    [InlineData("{\"facilityCode\":123456,\"pin\":\"2468\"}", "facilityCode")]
    public async Task Verify_BadInput_400NamingField(string body, string field)
    {
        await (await Client.PostAsync("/v1/facilities/verify", body)).ValidationErrorAsync(field);
    }
}
