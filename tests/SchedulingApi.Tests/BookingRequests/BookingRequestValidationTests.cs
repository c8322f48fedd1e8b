using System.Net;

namespace PhoneBooking.SchedulingApi.Tests.BookingRequests;

public sealed class BookingRequestValidationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private HttpClient Client => shared.Client;

    [Fact]
    public async Task Status_UnknownId_404()
    {
        var response = await Client.GetAsync("/v1/booking-requests/br_000000000000000000000000");

        await response.ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Submit_MissingIdempotencyKey_400()
    {
        var response = await Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest());

        await response.ProblemAsync(HttpStatusCode.BadRequest, "idempotency-key-missing");
    }

    [Theory]
    [InlineData("person", "{\"preferences\":[{}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("person.birthDate", "{\"person\":{},\"preferences\":[{}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("person.language", "{\"person\":{\"birthDate\":\"1950-03-23\",\"language\":\"english please\"},\"preferences\":[{}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("person.healthCardNumber", "{\"person\":{\"birthDate\":\"1950-03-23\",\"healthCardNumber\":\"<script>\"},\"preferences\":[{}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("preferences", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("preferences", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{},{},{},{},{},{}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("preferences[1]", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{},{\"date\":\"2026-11-24\",\"dayOfWeek\":\"monday\"}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("preferences[0].date", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{\"date\":\"2026-11-01\"}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("preferences[2].partOfDay", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{},{},{\"partOfDay\":\"noon\"}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("preferences[0].dayOfWeek", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{\"dayOfWeek\":\"funday\"}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("preferences[0].siteId", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{\"siteId\":\"atlantis\"}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("channel", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{}],\"channel\":\"fax\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("channel", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{}],\"channel\":2,\"contactPhone\":\"+14165550123\"}")]
    [InlineData("channel", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{}],\"contactPhone\":\"+14165550123\"}")]
    [InlineData("contactPhone", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{}],\"channel\":\"web\",\"contactPhone\":\"416-555-0123\"}")]
    [InlineData("holdStart", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\",\"holdStart\":\"later\"}")]
    [InlineData("preferences", "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":{\"partOfDay\":\"any\"},\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    [InlineData("person", "{\"person\":\"Ada\",\"preferences\":[{}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}")]
    public async Task Submit_BadField_400NamingIt(string field, string body)
    {
        await (await Client.PostAsync("/v1/booking-requests", body, ApiCalls.NewKey())).ValidationErrorAsync(field);
    }

    [Fact]
    public async Task Submit_UnknownEnumValue_MessageListsAllowedValues()
    {
        var body = "{\"person\":{\"birthDate\":\"1950-03-23\"},\"preferences\":[{\"partOfDay\":\"noon\"}],\"channel\":\"web\",\"contactPhone\":\"+14165550123\"}";

        var message = await (await Client.PostAsync("/v1/booking-requests", body, ApiCalls.NewKey())).ValidationErrorAsync("preferences[0].partOfDay");

        Assert.Equal("must be one of: morning, afternoon, evening, any.", message);
    }
}
