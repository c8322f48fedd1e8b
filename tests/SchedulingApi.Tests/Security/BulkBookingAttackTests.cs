using System.Diagnostics;
using System.Net;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>
/// OWASP API6. The measured attack booked 600 places in 1.6 s from one anonymous client. Now it
/// needs a key; with one, a client's new requests are limited by its role (web: 600 a minute, a
/// ten-second burst of 100), and each person may hold one open request.
/// </summary>
public sealed class BulkBookingAttackTests : ApiTest
{
    private HttpClient Web => Api.ClientWithKey(TestSettings.WebKey);

    [Fact]
    public async Task Submit_600PeopleAtOnceFromOneClient_OnlyItsBurstQueued()
    {
        using var refusals = SecurityAsserts.Refusals(Api);
        var clock = Stopwatch.StartNew();

        var responses = await Task.WhenAll(Enumerable.Range(0, 600).Select(_ =>
            Web.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "web"), ApiCalls.NewKey())));
        var seconds = clock.Elapsed.TotalSeconds;

        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Accepted);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(600, accepted + refused.Count);

        // The burst (ten seconds of 10 a second), plus what refilled while the attack ran.
        Assert.True(accepted <= 100 + (int)Math.Ceiling(seconds * 10) + 1, $"{accepted} accepted in {seconds:F1} s");
        Assert.True(refused.Count >= 400, $"only {refused.Count} refused in {seconds:F1} s");
        foreach (var refusal in refused.Take(20))
        {
            Assert.InRange(await refusal.RetryAfterAsync(HttpStatusCode.TooManyRequests, "rate-limited"), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        }

        // Mostly the booking limit; a flood this fast also meets the client's overall request rate (500 a second).
        Assert.Equal(refused.Count, refusals.Count(SecurityReasons.BookingRate) + refusals.Count(SecurityReasons.RequestRate));
        Assert.True(refusals.Count(SecurityReasons.BookingRate) >= 100, $"{refusals.Count(SecurityReasons.BookingRate)} refused by the booking limit");
        SecurityAsserts.Logged(Api, SecurityReasons.BookingRate, "web");
        Assert.Equal(accepted + 1, (await Client.SubmitAsync()).QueuePosition);
    }

    [Fact]
    public async Task Submit_OtherClientsUnaffectedByOnesFlood()
    {
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            Web.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "web"), ApiCalls.NewKey())));

        var caller = await Api.ClientWithKey(TestSettings.PhoneLineKey).PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(), ApiCalls.NewKey());

        Assert.Equal(HttpStatusCode.Accepted, caller.StatusCode);
    }

    [Fact]
    public async Task Submit_SamePersonAgainWithNewKeys_409EachTime()
    {
        using var refusals = SecurityAsserts.Refusals(Api);
        var person = ApiCalls.BookingRequest(channel: "web");
        await Web.SubmitAsync(person);

        for (var i = 0; i < 3; i++)
        {
            await (await Web.PostAsync("/v1/booking-requests", person, ApiCalls.NewKey())).ProblemAsync(HttpStatusCode.Conflict, "duplicate-request");
        }

        Assert.Equal(3, refusals.Count(SecurityReasons.DuplicatePerson));
        Assert.Equal(2, (await Client.SubmitAsync()).QueuePosition);
    }

    [Fact]
    public async Task Submit_SamePersonThroughTheLineAfterTheWeb_409()
    {
        var phone = ApiCalls.NewPhone();
        await Web.SubmitAsync(ApiCalls.BookingRequest(channel: "web", contactPhone: phone));

        var response = await Api.ClientWithKey(TestSettings.PhoneLineKey).PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(channel: "phone", contactPhone: phone), ApiCalls.NewKey());

        await response.ProblemAsync(HttpStatusCode.Conflict, "duplicate-request");
    }

    [Fact]
    public async Task Submit_TwinsSharingAPhone_BothBookedWhenNamed()
    {
        var phone = ApiCalls.NewPhone();
        var line = Api.ClientWithKey(TestSettings.PhoneLineKey);

        await line.SubmitAsync(Twin("Ada Lovelace", phone));
        var second = await line.PostAsync("/v1/booking-requests", Twin("Ida Lovelace", phone), ApiCalls.NewKey());

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
    }

    [Fact]
    public async Task Submit_AfterTheBookingIsCancelled_PersonMayBookAgain()
    {
        var person = ApiCalls.BookingRequest(channel: "web");
        var accepted = await Web.SubmitAsync(person);
        await Api.MatchAsync();
        var booked = await (await Web.AcceptAsync((await Web.OfferAsync(accepted.RequestId)).OfferId)).ReadAsync<AcceptOfferResponse>();
        await (await Web.PostAsync("/v1/bookings/cancel", new { booked.Booking.ConfirmationCode, birthDate = TestSettings.SeniorBirthDate }, ApiCalls.NewKey())).ReadAsync<BookingResponse>();

        var again = await Web.PostAsync("/v1/booking-requests", person, ApiCalls.NewKey());

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    private static object Twin(string name, string phone) => new
    {
        person = new { birthDate = TestSettings.SeniorBirthDate, name, language = "en-CA" },
        preferences = new[] { new { partOfDay = "any" } },
        channel = "agent",
        contactPhone = phone,
    };
}
