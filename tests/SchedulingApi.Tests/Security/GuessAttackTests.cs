using System.Globalization;
using System.Net;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>
/// The measured attack found a birth date from a confirmation code in 0.84 s (2,900 lookups a
/// second). Now five wrong guesses per code are free, then each must wait 1, 2, 4 … 60 seconds:
/// after the twelfth, one guess a minute — a known code's birth date among the 13,500 of the oldest
/// cohort takes 6,750 guesses on average, at least 4.6 days. A guess made while it must wait is
/// refused unchecked, so hammering neither finds the answer sooner nor keeps the real person out
/// longer than a minute. The attacker here honours Retry-After on the API's clock (manual), which is
/// the fastest any attacker can go.
/// </summary>
public sealed class GuessAttackTests : ApiTest
{
    private HttpClient Line => Api.ClientWithKey(TestSettings.PhoneLineKey);

    private HttpClient Web => Api.ClientWithKey(TestSettings.WebKey);

    protected override void Configure(Dictionary<string, string?> settings) => TestSettings.SingleWindow(settings, capacity: 4);

    [Fact]
    public async Task Lookup_BirthDateSearchForAKnownCode_AMinutePerGuessAfterTwelve()
    {
        var code = await BookAsync();
        var start = Api.Clock.GetUtcNow();
        var guesses = 0;
        HttpResponseMessage found;

        // 1950-01-01 onwards: the right date (1950-03-23) is the 82nd guess.
        for (var day = new DateOnly(1950, 1, 1); ; day = day.AddDays(1))
        {
            found = await LookupAsync(Web, code, day);
            guesses++;
            if (found.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            if (found.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Api.Clock.Advance(await found.RetryAfterAsync(HttpStatusCode.TooManyRequests, "too-many-attempts"));
                day = day.AddDays(-1); // the refused guess was not checked: try it again
                continue;
            }

            await found.ProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        var elapsed = Api.Clock.GetUtcNow() - start;
        var limit = new GuessLimit();
        var bound = Enumerable.Range(0, 81).Select(failures => limit.DelayAfter(failures)).Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Assert.True(elapsed >= bound, $"found after {elapsed}, the schedule says at least {bound}");
        Assert.True(elapsed >= TimeSpan.FromMinutes(69), $"found after {elapsed}"); // (81 - 12) minutes and the first delays
        Assert.Equal(TimeSpan.FromMinutes(1), limit.DelayAfter(12));
        Assert.True(guesses > 81);
    }

    [Fact]
    public async Task Lookup_RightBirthDateWhileTheCodeMustWait_429NotTheBooking()
    {
        var code = await BookAsync();
        for (var i = 0; i < 5; i++)
        {
            await (await LookupAsync(Web, code, new DateOnly(1940, 1, 1).AddDays(i))).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        var right = await LookupAsync(Web, code, DateOnly.Parse(TestSettings.SeniorBirthDate, CultureInfo.InvariantCulture));

        var body = await right.Content.ReadAsStringAsync();
        Assert.Equal(TimeSpan.FromSeconds(1), await right.RetryAfterAsync(HttpStatusCode.TooManyRequests, "too-many-attempts"));
        Assert.DoesNotContain("siteId", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_AttackerHammersTheCode_RealPersonWaitsAtMostAMinute()
    {
        using var refusals = SecurityAsserts.Refusals(Api);
        var code = await BookAsync();

        // Two hundred guesses, each as soon as allowed, then a flood that ignores Retry-After.
        for (var i = 0; i < 200; i++)
        {
            var response = await LookupAsync(Web, code, new DateOnly(1930, 1, 1).AddDays(i));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Api.Clock.Advance(await response.RetryAfterAsync(HttpStatusCode.TooManyRequests, "too-many-attempts"));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => LookupAsync(Web, code, new DateOnly(1931, 1, 1).AddDays(i))));

        // The real person calls the line.
        var first = await LookupAsync(Line, code, DateOnly.Parse(TestSettings.SeniorBirthDate, CultureInfo.InvariantCulture));
        var wait = first.StatusCode == HttpStatusCode.OK ? TimeSpan.Zero : await first.RetryAfterAsync(HttpStatusCode.TooManyRequests, "too-many-attempts");
        Assert.True(wait <= TimeSpan.FromMinutes(1), $"the real person was told to wait {wait}");
        Api.Clock.Advance(wait);
        Assert.Equal(HttpStatusCode.OK, (await LookupAsync(Line, code, DateOnly.Parse(TestSettings.SeniorBirthDate, CultureInfo.InvariantCulture))).StatusCode);
        Assert.True(refusals.Count(SecurityReasons.CodeThrottled) >= 100);
        SecurityAsserts.Logged(Api, SecurityReasons.CodeThrottled, "web", code, "1930-", "1931-");
    }

    [Fact]
    public async Task Cancel_StrangersBookingByGuessingBirthDates_ThrottledAndTheBookingStands()
    {
        var code = await BookAsync();
        var statuses = new List<HttpStatusCode>();
        foreach (var day in Enumerable.Range(0, 8).Select(i => new DateOnly(1950, 3, 17).AddDays(i)))
        {
            statuses.Add((await Web.PostAsync("/v1/bookings/cancel", Body(code, day), ApiCalls.NewKey())).StatusCode);
        }

        // Five wrong, then the right date (1950-03-23) arrives while the code must wait: refused unchecked.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.NotFound, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        var standing = await (await Line.PostAsync("/v1/bookings/lookup", Body(code, new DateOnly(1950, 3, 23)))).ReadAsync<BookingResponse>();
        Assert.Equal(BookingStatus.Confirmed, standing.Status);
    }

    [Fact]
    public async Task Cancel_RetryOfAThrottledCancelWithTheSameKey_WorksOnceTheWaitIsOver()
    {
        var code = await BookAsync();
        for (var i = 0; i < 5; i++)
        {
            await LookupAsync(Web, code, new DateOnly(1940, 1, 1).AddDays(i));
        }

        var key = ApiCalls.NewKey();
        var body = Body(code, new DateOnly(1950, 3, 23));
        var wait = await (await Line.PostAsync("/v1/bookings/cancel", body, key)).RetryAfterAsync(HttpStatusCode.TooManyRequests, "too-many-attempts");
        Api.Clock.Advance(wait);

        var cancelled = await (await Line.PostAsync("/v1/bookings/cancel", body, key)).ReadAsync<BookingResponse>();

        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public async Task Lookup_GuessesSpreadOverTwoInstances_CountedTogether()
    {
        var code = await BookAsync();
        var (secondWeb, _) = Api.StartSecondInstance(TestSettings.WebKey);

        for (var i = 0; i < 5; i++)
        {
            await (await LookupAsync(i % 2 == 0 ? Web : secondWeb, code, new DateOnly(1940, 1, 1).AddDays(i))).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        await (await LookupAsync(secondWeb, code, new DateOnly(1941, 1, 1))).RetryAfterAsync(HttpStatusCode.TooManyRequests, "too-many-attempts");
    }

    [Fact]
    public async Task Lookup_CountersKeepNoCodeInClear()
    {
        var code = await BookAsync();
        await LookupAsync(Web, code, new DateOnly(1940, 1, 1));

        var keys = string.Join(' ', await Api.QueryRawAsync<string>("SELECT scope || ':' || key FROM guess_counters"));

        Assert.Contains("confirmation-code:", keys, StringComparison.Ordinal);
        Assert.DoesNotContain(code, keys, StringComparison.Ordinal);
    }

    private async Task<string> BookAsync()
    {
        var accepted = await Line.SubmitAsync();
        await Api.MatchAsync();
        var booked = await (await Line.AcceptAsync((await Line.OfferAsync(accepted.RequestId)).OfferId)).ReadAsync<AcceptOfferResponse>();
        return booked.Booking.ConfirmationCode;
    }

    private static Task<HttpResponseMessage> LookupAsync(HttpClient client, string code, DateOnly birthDate) =>
        client.PostAsync("/v1/bookings/lookup", Body(code, birthDate));

    private static object Body(string code, DateOnly birthDate) =>
        new { confirmationCode = code, birthDate = birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
}
