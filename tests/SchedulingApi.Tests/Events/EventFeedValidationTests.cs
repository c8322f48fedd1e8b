namespace PhoneBooking.SchedulingApi.Tests.Events;

public sealed class EventFeedValidationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private HttpClient Client => shared.Client;

    [Theory]
    [InlineData("?after=-1", "after")]
    [InlineData("?after=abc", "after")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=5000", "limit")]
    [InlineData("?after=99999999999999999999999", "after")]
    public async Task Read_BadQuery_400(string query, string field) =>
        await (await Client.GetAsync("/v1/events" + query)).ValidationErrorAsync(field);
}
