using System.Net;
using System.Net.Http.Headers;
using PhoneBooking.Twilio.Rest;

namespace PhoneBooking.Twilio.Tests.Rest;

public sealed class TwilioRetryHandlerTests : IDisposable
{
    private const string CallJson = """{"sid":"CA1","status":"queued"}""";
    private const string RateLimited = """{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}""";

    private readonly RestClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task TooManyRequests_WithRetryAfterSeconds_WaitsExactlyThatLongOnTheClock()
    {
        _harness.Api
            .Answer(HttpStatusCode.TooManyRequests, RateLimited, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))
            .Answer(HttpStatusCode.Created, CallJson);

        var call = CreateCallAsync();
        Assert.Equal(TimeSpan.FromSeconds(7), await _harness.Time.NextTimerAsync());
        _harness.Time.Clock.Advance(TimeSpan.FromSeconds(6.9));
        Assert.Single(_harness.Api.Requests);
        _harness.Time.Clock.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal("CA1", (await call).Sid);
        Assert.Equal(2, _harness.Api.Requests.Count);
        Assert.Equal(_harness.Api.Requests[0].Form, _harness.Api.Requests[1].Form);
        Assert.Single(_harness.Logs.Records, r => r.EventId.Id == 4110);
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfterDate_WaitsUntilThatTime()
    {
        var until = _harness.Time.GetUtcNow().AddSeconds(5);
        _harness.Api
            .Answer(HttpStatusCode.TooManyRequests, RateLimited, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(until))
            .Answer(HttpStatusCode.Created, CallJson);

        var call = CreateCallAsync();
        Assert.Equal(TimeSpan.FromSeconds(5), await _harness.Time.NextTimerAsync());
        _harness.Time.Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("CA1", (await call).Sid);
    }

    [Fact]
    public async Task ServiceUnavailable_WithoutRetryAfter_BacksOffThenSucceeds()
    {
        _harness.Api.Answer(HttpStatusCode.ServiceUnavailable, "{}").Answer(HttpStatusCode.Created, CallJson);

        var call = CreateCallAsync();
        var delay = await _harness.Time.NextTimerAsync();
        Assert.InRange(delay, TimeSpan.FromMilliseconds(1), TwilioRetryHandler.MaxRetryAfter);
        _harness.Time.Clock.Advance(delay);

        Assert.Equal("CA1", (await call).Sid);
        Assert.Equal(2, _harness.Api.Requests.Count);
    }

    [Fact]
    public async Task TooManyRequests_EveryTime_GivesUpAfterMaxAttemptsWithTypedError()
    {
        for (var i = 0; i <= TwilioRetryHandler.MaxRetryAttempts; i++)
        {
            _harness.Api.Answer(HttpStatusCode.TooManyRequests, RateLimited, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)));
        }

        var call = CreateCallAsync();
        for (var i = 0; i < TwilioRetryHandler.MaxRetryAttempts; i++)
        {
            _harness.Time.Clock.Advance(await _harness.Time.NextTimerAsync());
        }

        var error = await Assert.ThrowsAsync<TwilioApiException>(() => call);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(20429, error.Code);
        Assert.Equal(TwilioRetryHandler.MaxRetryAttempts + 1, _harness.Api.Requests.Count);
    }

    [Fact]
    public async Task TooManyRequests_RetryAfterBeyondLimit_IsHandedBackAtOnce()
    {
        _harness.Api.Answer(HttpStatusCode.TooManyRequests, RateLimited, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(2)));

        var error = await Assert.ThrowsAsync<TwilioApiException>(CreateCallAsync);

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Single(_harness.Api.Requests);
    }

    [Fact]
    public async Task InternalServerError_IsNotRetried()
    {
        _harness.Api.Answer(HttpStatusCode.InternalServerError, """{"code":20500,"message":"Internal Server Error","status":500}""");

        var error = await Assert.ThrowsAsync<TwilioApiException>(CreateCallAsync);

        Assert.Equal(20500, error.Code);
        Assert.Single(_harness.Api.Requests);
    }

    private Task<CallResource> CreateCallAsync() =>
        _harness.Client.CreateCallAsync(new CreateCallOptions("+15145550123", "+15145550100") { Url = new Uri("https://line.example.org/voice/offer") });
}
