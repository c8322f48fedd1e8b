
namespace PhoneBooking.SchedulingApi.Tests.Matching;

/// <summary>The hosted loop: woken by a new request, and by its periodic tick on the injected clock.</summary>
public sealed class BackgroundMatcherTests : ApiTest
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Matching:RunInBackground"] = "true";

    [Fact]
    public async Task Submit_WakesBackgroundMatcher_OfferMadeWithoutManualPass()
    {
        var accepted = await Client.SubmitAsync();

        var status = await EventuallyAsync(accepted.RequestId, s => s.Status == RequestStatus.Offered);

        Assert.NotNull(status.Offer);
    }

    [Fact]
    public async Task Tick_AfterHoldRunsOut_BackgroundMatcherExpiresOffer()
    {
        var accepted = await Client.SubmitAsync(ApiCalls.BookingRequest(channel: "web"));
        await EventuallyAsync(accepted.RequestId, s => s.Status == RequestStatus.Offered);

        Api.Clock.Advance(TimeSpan.FromMinutes(10)); // the matcher's tick timer fires on the manual clock

        // Expired by the tick, back in the queue, and offered the next window straight away.
        await EventuallyAsync(accepted.RequestId, s => s.OffersMade == 2);
        var page = await (await Client.GetAsync("/v1/events")).ReadAsync<EventPage>();
        Assert.Equal(["offer.made", "offer.expired", "offer.made"], page.Events.Select(e => e.Type));
    }

    /// <summary>Polls while the background worker catches up (real time; the clock itself never sleeps).</summary>
    private async Task<BookingRequestStatusResponse> EventuallyAsync(string requestId, Func<BookingRequestStatusResponse, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var status = await Client.StatusAsync(requestId);
            if (condition(status) || DateTime.UtcNow > deadline)
            {
                Assert.True(condition(status), $"Condition not met in 10 s; last status {status}");
                return status;
            }

            await Task.Delay(20);
        }
    }
}
