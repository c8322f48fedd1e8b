
namespace PhoneBooking.SchedulingApi.Tests.BookingRequests;

public sealed class RestartTests : ApiTest
{
    [Fact]
    public async Task Restart_QueuedRequests_StillQueuedInOrderThenMatched()
    {
        var first = await Client.SubmitAsync();
        var second = await Client.SubmitAsync();
        var waiting = await Client.SubmitAsync(ApiCalls.BookingRequest(birthDate: TestSettings.AdultBirthDate));

        await Api.RestartAsync();

        Assert.Equal(1, (await Client.StatusAsync(first.RequestId)).QueuePosition);
        Assert.Equal(2, (await Client.StatusAsync(second.RequestId)).QueuePosition);
        Assert.Equal(RequestStatus.AwaitingEligibility, (await Client.StatusAsync(waiting.RequestId)).Status);
        Assert.Equal(3, (await Client.SubmitAsync()).QueuePosition);

        var pass = await Api.MatchAsync();

        Assert.Equal(3, pass.OffersMade);
        Assert.Equal(RequestStatus.Offered, (await Client.StatusAsync(first.RequestId)).Status);
    }

    [Fact]
    public async Task Restart_IdempotencyKey_StillReplays()
    {
        var key = ApiCalls.NewKey();
        var body = ApiCalls.BookingRequest();
        var original = await Client.SubmitAsync(body, key);

        await Api.RestartAsync();
        var replayed = await Client.SubmitAsync(body, key);

        Assert.Equal(original, replayed);
        Assert.Equal(2, (await Client.SubmitAsync()).QueuePosition);
    }
}
