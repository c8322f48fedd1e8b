using System.Net;

namespace PhoneBooking.SchedulingApi.Tests.GroupVisits;

public sealed class GroupVisitValidationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private HttpClient Client => shared.Client;

    [Theory]
    [InlineData("{\"facilityCode\":\"123456\",\"pin\":\"2468\",\"residentCount\":40,\"staffCount\":12,\"preferredDates\":[\"2026-11-23\"],\"contactPhone\":\"+14165550123\"}", "preferredDates[0]")]
    [InlineData("{\"facilityCode\":\"123456\",\"pin\":\"2468\",\"residentCount\":40,\"staffCount\":12,\"preferredDates\":[],\"contactPhone\":\"+14165550123\"}", "preferredDates")]
    [InlineData("{\"facilityCode\":\"123456\",\"pin\":\"2468\",\"residentCount\":-1,\"staffCount\":12,\"preferredDates\":[\"2026-12-01\"],\"contactPhone\":\"+14165550123\"}", "residentCount")]
    [InlineData("{\"facilityCode\":\"123456\",\"pin\":\"2468\",\"residentCount\":\"forty\",\"staffCount\":12,\"preferredDates\":[\"2026-12-01\"],\"contactPhone\":\"+14165550123\"}", "residentCount")]
    [InlineData("{\"facilityCode\":\"123456\",\"pin\":\"2468\",\"residentCount\":99999999999,\"staffCount\":12,\"preferredDates\":[\"2026-12-01\"],\"contactPhone\":\"+14165550123\"}", "residentCount")]
    [InlineData("{\"facilityCode\":\"123456\",\"pin\":\"2468\",\"residentCount\":0,\"staffCount\":0,\"preferredDates\":[\"2026-12-01\"],\"contactPhone\":\"+14165550123\"}", "residentCount")]
    [InlineData("{\"facilityCode\":\"123456\",\"pin\":\"2468\",\"residentCount\":40,\"preferredDates\":[\"2026-12-01\"],\"contactPhone\":\"+14165550123\"}", "staffCount")]
    [InlineData("{\"facilityCode\":\"123456\",\"pin\":\"2468\",\"residentCount\":40,\"staffCount\":12,\"preferredDates\":[\"2026-12-01\"]}", "contactPhone")]
    public async Task Submit_BadInput_400NamingField(string body, string field) =>
        await (await Client.PostAsync("/v1/group-visits", body, ApiCalls.NewKey())).ValidationErrorAsync(field);

    [Fact]
    public async Task Get_UnknownId_404() =>
        await (await Client.GetAsync("/v1/group-visits/gv_000000000000000000000000")).ProblemAsync(HttpStatusCode.NotFound, "not-found");
}
