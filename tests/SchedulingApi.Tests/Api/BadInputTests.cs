using System.Net;

namespace PhoneBooking.SchedulingApi.Tests.Api;

/// <summary>Nothing a client can send gets a 500: every write endpoint against hostile bodies.</summary>
public sealed class BadInputTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private HttpClient Client => shared.Client;

    public static TheoryData<string, string> Cases()
    {
        var endpoints = new[]
        {
            "/v1/eligibility", "/v1/booking-requests", "/v1/bookings/lookup", "/v1/bookings/cancel",
            "/v1/facilities/verify", "/v1/group-visits",
        };
        var bodies = new[]
        {
            "{", "[]", "\"text\"", "42", "null", "true", "{\"person\":", "{\"birthDate\":{}}", "{\"preferences\":\"x\"}",
            "{\"a\":1,}", "\u00ff\u00fe", "{\"birthDate\":\"1950-03-23\"} trailing", new string('[', 200) + new string(']', 200),
            "{\"birthDate\":\"\\ud800\"}",
        };
        var data = new TheoryData<string, string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var body in bodies)
            {
                data.Add(endpoint, body);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_HostileBody_4xxProblemNever500(string endpoint, string body)
    {
        var response = await Client.PostAsync(endpoint, body, ApiCalls.NewKey());

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/v1/booking-requests")]
    [InlineData("/v1/eligibility")]
    public async Task Post_HugeBody_413(string endpoint)
    {
        var huge = "{\"person\":{\"name\":\"" + new string('x', 200_000) + "\"}}";

        var response = await Client.PostAsync(endpoint, huge, ApiCalls.NewKey());

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task Post_InvalidUtf8_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/eligibility")
        {
            Content = new ByteArrayContent([.. "{\"birthDate\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()]),
        };
        request.Content.Headers.ContentType = new("application/json");

        var response = await Client.SendAsync(request);

        await response.ValidationErrorAsync("birthDate");
    }

    [Theory]
    [InlineData("GET", "/v1/nowhere", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/v1/booking-requests/br_1", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/v1/booking-requests/%ff%fe", HttpStatusCode.NotFound)]
    public async Task Request_UnknownRouteOrMethod_ProblemDetails(string method, string url, HttpStatusCode status)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_BodyWithUnknownProperties_Ignored()
    {
        var response = await Client.PostAsync("/v1/eligibility", "{\"birthDate\":\"1950-03-23\",\"favouriteColour\":\"blue\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
