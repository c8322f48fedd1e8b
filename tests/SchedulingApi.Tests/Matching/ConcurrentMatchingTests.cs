
namespace PhoneBooking.SchedulingApi.Tests.Matching;

public sealed class ConcurrentMatchingTests : ApiTest
{
    protected override void Configure(Dictionary<string, string?> settings) => TestSettings.SingleWindow(settings, capacity: 1);

    [Fact]
    public async Task Match_TwoInstancesRaceForLastPlace_OneOfferNoOverbook()
    {
        var first = await Client.SubmitAsync();
        var second = await Client.SubmitAsync();
        var (otherClient, otherMatcher) = Api.StartSecondInstance();

        var passes = await Task.WhenAll(Task.Run(() => Api.MatchAsync()), Task.Run(() => otherMatcher.RunOnceAsync()));

        Assert.Equal(1, passes.Sum(p => p.OffersMade));
        var statuses = new[] { await otherClient.StatusAsync(first.RequestId), await Client.StatusAsync(second.RequestId) };
        Assert.Equal(RequestStatus.Offered, statuses[0].Status); // arrival order, whichever instance ran it
        Assert.Equal(RequestStatus.Queued, statuses[1].Status);
        Assert.Equal(1, statuses[1].QueuePosition);
        var window = Assert.Single(await (await Client.GetAsync("/v1/availability")).ReadAsync<WindowResponse[]>());
        Assert.Equal(0, window.Remaining);
    }

    [Fact]
    public async Task Match_ManyRequestsManyPasses_NeverMoreOffersThanCapacity()
    {
        for (var i = 0; i < 10; i++)
        {
            await Client.SubmitAsync();
        }

        var (_, otherMatcher) = Api.StartSecondInstance();
        var passes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => i % 2 == 0 ? Api.MatchAsync() : otherMatcher.RunOnceAsync())));

        Assert.Equal(1, passes.Sum(p => p.OffersMade));
    }
}
