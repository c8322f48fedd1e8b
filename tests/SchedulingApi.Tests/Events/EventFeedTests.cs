namespace PhoneBooking.SchedulingApi.Tests.Events;

public sealed class EventFeedTests : ApiTest
{
    [Fact]
    public async Task Read_FromCursor_PagesInOrderWithIdsOnly()
    {
        var first = await Client.SubmitAsync();
        var second = await Client.SubmitAsync(ApiCalls.BookingRequest(channel: "web"));
        await Api.MatchAsync();
        var offer = await Client.OfferAsync(first.RequestId);
        await Client.AcceptAsync(offer.OfferId);

        var page1 = await (await Client.GetAsync("/v1/events?after=0&limit=2")).ReadAsync<EventPage>();
        var page2 = await (await Client.GetAsync($"/v1/events?after={page1.NextCursor}&limit=2")).ReadAsync<EventPage>();
        var page3 = await (await Client.GetAsync($"/v1/events?after={page2.NextCursor}")).ReadAsync<EventPage>();

        Assert.Equal(["offer.made", "offer.made"], page1.Events.Select(e => e.Type));
        Assert.Equal([first.RequestId, second.RequestId], page1.Events.Select(e => e.RequestId));
        Assert.Equal([Channel.Phone, Channel.Web], page1.Events.Select(e => e.Channel));
        Assert.Equal(offer.OfferId, page1.Events[0].OfferId);
        Assert.Equal(["booking.confirmed"], page2.Events.Select(e => e.Type));
        Assert.Empty(page3.Events);
        Assert.Equal(page2.NextCursor, page3.NextCursor); // nothing new: the cursor stays put
        Assert.True(page1.Events[1].Id > page1.Events[0].Id && page2.Events[0].Id > page1.Events[1].Id);
    }

    [Fact]
    public async Task Read_AfterRestart_SameEventsFromAnOldCursor()
    {
        await Client.SubmitAsync();
        await Api.MatchAsync();
        var before = await (await Client.GetAsync("/v1/events")).ReadAsync<EventPage>();

        await Api.RestartAsync();
        var after = await (await Client.GetAsync("/v1/events?after=0")).ReadAsync<EventPage>();

        // A consumer that crashed before saving its cursor sees the event again (at least once).
        Assert.Equal(before.Events, after.Events);
        await Client.SubmitAsync();
        await Api.MatchAsync();
        var next = await (await Client.GetAsync($"/v1/events?after={after.NextCursor}")).ReadAsync<EventPage>();
        Assert.Equal(after.NextCursor + 1, Assert.Single(next.Events).Id);
    }

}
