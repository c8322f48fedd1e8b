using System.Net;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>A client with a key may still do only what its scopes allow.</summary>
public sealed class ScopeAttackTests : ApiTest
{
    private const string KioskKey = "pbk_test_kiosk_000000000000000000000000000000000000";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        // A client that may only read sites and eligibility (e.g. an information kiosk).
        settings["ApiClients:kiosk:Role"] = "Web";
        settings["ApiClients:kiosk:KeySha256:0"] = ApiKeys.Sha256Hex(KioskKey);
        settings["ApiClients:kiosk:Scopes:0"] = Scopes.CatalogRead;
    }

    [Theory]
    [InlineData("POST", "/v1/bookings/lookup", """{"confirmationCode":"48213907","birthDate":"1950-03-23"}""", Scopes.BookingsLookup)]
    [InlineData("POST", "/v1/bookings/cancel", """{"confirmationCode":"48213907","birthDate":"1950-03-23"}""", Scopes.BookingsCancel)]
    [InlineData("GET", "/v1/events?after=0", null, Scopes.EventsRead)]
    [InlineData("POST", "/v1/facilities/verify", """{"facilityCode":"123456","pin":"2468"}""", Scopes.FacilitiesVerify)]
    public async Task Kiosk_BeyondItsScopes_403NamingTheScope(string method, string path, string? body, string scope)
    {
        using var refusals = SecurityAsserts.Refusals(Api);

        var response = await AuthenticationAttackTests.SendAsync(Api.ClientWithKey(KioskKey), method, path, body);

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains(scope, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, refusals.Count(SecurityReasons.MissingScope));
        SecurityAsserts.Logged(Api, SecurityReasons.MissingScope, "kiosk", "48213907", "2468");
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWithKey(KioskKey).GetAsync("/v1/sites")).StatusCode);
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("agent")]
    public async Task Web_BooksOnBehalfOfACaller_403AndNothingQueued(string channel)
    {
        using var refusals = SecurityAsserts.Refusals(Api);

        var response = await Api.ClientWithKey(TestSettings.WebKey).PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: channel), ApiCalls.NewKey());

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains(Scopes.RequestsSubmitOnBehalf, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, refusals.Count(SecurityReasons.ChannelNotAllowed));
        Assert.Equal(1, (await Client.SubmitAsync()).QueuePosition);
    }

    [Fact]
    public async Task PhoneLine_BooksForItselfAsWeb_403()
    {
        var response = await Api.ClientWithKey(TestSettings.PhoneLineKey).PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "web"), ApiCalls.NewKey());

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
