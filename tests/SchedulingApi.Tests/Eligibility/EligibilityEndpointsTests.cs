using System.Net;

namespace PhoneBooking.SchedulingApi.Tests.Eligibility;

public sealed class EligibilityEndpointsTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private HttpClient Client => shared.Client;

    [Fact]
    public async Task Check_SeniorWhoseGroupOpened_Eligible()
    {
        var response = await (await Client.PostAsync("/v1/eligibility", new { birthDate = TestSettings.SeniorBirthDate })).ReadAsync<EligibilityResponse>();

        Assert.Equal(new EligibilityResponse(true, "seniors", new DateOnly(2026, 11, 1)), response);
    }

    [Fact]
    public async Task Check_GroupNotOpenYet_NotEligibleWithOpeningDate()
    {
        var response = await (await Client.PostAsync("/v1/eligibility", new { birthDate = TestSettings.AdultBirthDate })).ReadAsync<EligibilityResponse>();

        Assert.Equal(new EligibilityResponse(false, "adults", new DateOnly(2026, 12, 1)), response);
    }

    [Fact]
    public async Task Check_GroupWithoutDate_NotEligibleOpensOnNull()
    {
        var response = await (await Client.PostAsync("/v1/eligibility", new { birthDate = TestSettings.YoungBirthDate })).ReadAsync<EligibilityResponse>();

        Assert.Equal(new EligibilityResponse(false, "everyone-else", null), response);
    }

    [Fact]
    public async Task Check_HotSpotPostalCode_EarlierOpeningCohortApplies()
    {
        var response = await (await Client.PostAsync("/v1/eligibility", new { birthDate = TestSettings.AdultBirthDate, postalCode = "m3n 1a1" })).ReadAsync<EligibilityResponse>();

        Assert.Equal(new EligibilityResponse(true, "hot-spot", new DateOnly(2026, 11, 15)), response);
    }

    [Theory]
    [InlineData("{\"birthDate\":\"2027-01-01\"}", "birthDate", "future")]
    [InlineData("{\"birthDate\":\"1899-12-31\"}", "birthDate", "1900")]
    [InlineData("{\"birthDate\":\"1950-02-30\"}", "birthDate", "yyyy-MM-dd")]
    [InlineData("{\"birthDate\":\"23/03/1950\"}", "birthDate", "yyyy-MM-dd")]
    [InlineData("{\"birthDate\":19500323}", "birthDate", "yyyy-MM-dd")]
    [InlineData("{}", "birthDate", "required")]
    [InlineData("{\"birthDate\":\"1950-03-23\",\"postalCode\":\"12345\"}", "postalCode", "postal code")]
    [InlineData("{\"birthDate\":\"1950-03-23\",\"postalCode\":7}", "postalCode", "string")]
    public async Task Check_BadField_400NamingIt(string body, string field, string messageContains)
    {
        var message = await (await Client.PostAsync("/v1/eligibility", body)).ValidationErrorAsync(field);

        Assert.Contains(messageContains, message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Check_NoBody_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/eligibility") { Content = new StringContent("", System.Text.Encoding.UTF8, "application/json") };

        await (await Client.SendAsync(request)).ValidationErrorAsync("body");
    }

    [Fact]
    public async Task Check_NotJsonContentType_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/eligibility") { Content = new StringContent("birthDate=1950-03-23") };

        await (await Client.SendAsync(request)).ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }
}

public sealed class EligibilityOpeningTests : ApiTest
{
    [Fact]
    public async Task Check_ClockPassesOpeningDate_BecomesEligible()
    {
        Api.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero)); // 00:00 on Dec 1 in Toronto

        var response = await (await Client.PostAsync("/v1/eligibility", new { birthDate = TestSettings.AdultBirthDate })).ReadAsync<EligibilityResponse>();

        Assert.True(response.Eligible);
    }
}
