using System.Net;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>An attacker who reaches the API without a key (or with a wrong one) reads and changes nothing.</summary>
public sealed class AuthenticationAttackTests : ApiTest
{
    public static TheoryData<string, string, string?> Endpoints => new()
    {
        { "GET", "/v1/sites", null },
        { "GET", "/v1/availability", null },
        { "POST", "/v1/eligibility", """{"birthDate":"1950-03-23"}""" },
        { "POST", "/v1/booking-requests", """{"person":{"birthDate":"1950-03-23"},"preferences":[{}],"channel":"web","contactPhone":"+14165550123"}""" },
        { "GET", "/v1/booking-requests/br_000000000000000000000000", null },
        { "POST", "/v1/offers/of_000000000000000000000000/accept", null },
        { "POST", "/v1/offers/of_000000000000000000000000/decline", null },
        { "POST", "/v1/offers/of_000000000000000000000000/hold", null },
        { "POST", "/v1/bookings/lookup", """{"confirmationCode":"48213907","birthDate":"1950-03-23"}""" },
        { "POST", "/v1/bookings/cancel", """{"confirmationCode":"48213907","birthDate":"1950-03-23"}""" },
        { "POST", "/v1/facilities/verify", """{"facilityCode":"123456","pin":"2468"}""" },
        { "POST", "/v1/group-visits", """{"facilityCode":"123456","pin":"2468","residentCount":4,"staffCount":1,"preferredDates":["2026-12-01"],"contactPhone":"+14165550123"}""" },
        { "GET", "/v1/group-visits/gv_000000000000000000000000", null },
        { "GET", "/v1/events?after=0", null },
        { "GET", "/v1/no-such-route", null },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_NoKey_401ProblemLoggedAndCounted(string method, string path, string? body)
    {
        using var refusals = SecurityAsserts.Refusals(Api);

        var response = await SendAsync(Api.ClientWithKey(null), method, path, body);

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal(1, refusals.Count(SecurityReasons.MissingKey));
        SecurityAsserts.Logged(Api, SecurityReasons.MissingKey, SecurityRefusals.Anonymous, "1950-03-23", "2468", "48213907");
    }

    [Theory]
    [InlineData("pbk_not-a-key-this-api-knows-0000000000000000")]
    [InlineData(TestSettings.BenchKey + "x")]
    [InlineData("")]
    public async Task Submit_WrongKey_401AndNothingQueued(string key)
    {
        using var refusals = SecurityAsserts.Refusals(Api);
        var attacker = Api.ClientWithKey(null);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/booking-requests") { Content = JsonBody(ApiCalls.BookingRequest(channel: "web")) };
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        request.Headers.Add("Idempotency-Key", ApiCalls.NewKey());

        var response = await attacker.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(1, refusals.Count(SecurityReasons.InvalidKey) + refusals.Count(SecurityReasons.MissingKey)); // an empty header is no key
        Assert.Equal(0, await CountRowsAsync("booking_requests"));
        Assert.Equal(1, (await Client.SubmitAsync()).QueuePosition);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task HealthAndOpenApi_NoKey_Answer(string path)
    {
        var response = await Api.ClientWithKey(null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheApiKeyHeader()
    {
        var json = await Api.ClientWithKey(null).GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"securitySchemes\"", json, StringComparison.Ordinal);
        Assert.Contains("\"X-Api-Key\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysAtRest_OnlyTheirHashesInConfiguration()
    {
        var settings = TestSettings.Default(Api.DataDirectory);

        Assert.DoesNotContain(settings.Values, v => v is not null && v.Contains(TestSettings.WebKey, StringComparison.Ordinal));
        Assert.Equal(ApiKeys.Sha256Hex(TestSettings.WebKey), settings["ApiClients:web:KeySha256:0"]);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWithKey(TestSettings.WebKey).GetAsync("/v1/sites")).StatusCode);
    }

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        if (method == "POST")
        {
            request.Headers.Add("Idempotency-Key", ApiCalls.NewKey());
        }

        return client.SendAsync(request);
    }

    private static System.Net.Http.Json.JsonContent JsonBody(object body) =>
        System.Net.Http.Json.JsonContent.Create(body, body.GetType(), options: ApiCalls.Json);

    private Task<long> CountRowsAsync(string table) => Api.ScalarRawAsync<long>($"SELECT count(*) FROM {table}");
}
