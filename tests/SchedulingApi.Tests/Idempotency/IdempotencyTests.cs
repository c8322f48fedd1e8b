using System.Net;

namespace PhoneBooking.SchedulingApi.Tests.Idempotency;

public sealed class IdempotencyTests : ApiTest
{
    [Fact]
    public async Task Submit_SameKeySameBody_ReplaysOriginalAndCreatesNothing()
    {
        var key = ApiCalls.NewKey();
        var body = ApiCalls.BookingRequest();
        var first = await Client.PostAsync("/v1/booking-requests", body, key);
        var firstBody = await first.Content.ReadAsStringAsync();
        await Client.SubmitAsync(); // someone else joins the queue in between

        var retry = await Client.PostAsync("/v1/booking-requests", body, key);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync()); // byte for byte, position 1 as first answered
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotency-Replayed")));
        Assert.False(first.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(3, (await Client.SubmitAsync()).QueuePosition);
    }

    [Fact]
    public async Task Submit_SameKeyOtherBody_422()
    {
        var key = ApiCalls.NewKey();
        await Client.SubmitAsync(key: key);

        var response = await Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "web"), key);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(2, (await Client.SubmitAsync()).QueuePosition);
    }

    [Fact]
    public async Task Submit_ConcurrentRetriesOfOneKey_OneRequest()
    {
        var key = ApiCalls.NewKey();
        var body = ApiCalls.BookingRequest();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.PostAsync("/v1/booking-requests", body, key)));

        var bodies = await Task.WhenAll(responses.Select(r => r.ReadAsync<BookingRequestAccepted>(HttpStatusCode.Accepted)));
        Assert.Single(bodies.Select(b => b.RequestId).Distinct());
        Assert.Equal(7, responses.Count(r => r.Headers.Contains("Idempotency-Replayed")));
        Assert.Equal(2, (await Client.SubmitAsync()).QueuePosition);
    }

    [Fact]
    public async Task Submit_ValidationErrorThenFixedBodySameKey_Accepted()
    {
        var key = ApiCalls.NewKey();
        await (await Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "fax"), key)).ValidationErrorAsync("channel");

        var accepted = await Client.SubmitAsync(key: key);

        Assert.Equal(1, accepted.QueuePosition);
    }

    [Fact]
    public async Task Keys_ScopedPerEndpoint_SameKeyOnAnotherEndpointIsIndependent()
    {
        var key = ApiCalls.NewKey();
        var accepted = await Client.SubmitAsync(key: key);
        await Api.MatchAsync();
        var offer = await Client.OfferAsync(accepted.RequestId);

        var response = await Client.AcceptAsync(offer.OfferId, key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Accept_SameKeyOnAnotherOffer_422()
    {
        var first = await Client.SubmitAsync();
        var second = await Client.SubmitAsync();
        await Api.MatchAsync();
        var key = ApiCalls.NewKey();
        Assert.Equal(HttpStatusCode.OK, (await Client.AcceptAsync((await Client.OfferAsync(first.RequestId)).OfferId, key)).StatusCode);

        var response = await Client.AcceptAsync((await Client.OfferAsync(second.RequestId)).OfferId, key);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

}
