using PhoneBooking.Testing;
using PhoneBooking.Twilio.Rest;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PhoneBooking.Twilio.Tests.Rest;

/// <summary>429/503 retried honouring Retry-After on the injected clock; nothing else retried.</summary>
public sealed class TwilioResilienceTests : IDisposable
{
    private readonly RestClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task TooManyRequests_WithRetryAfterSeconds_WaitsExactlyThatLongOnTheClock()
    {
        _harness.Api.Script(TwilioAnswer.Error(429, 20429, retryAfterSeconds: 7));

        var call = CreateCallAsync();
        Assert.Equal(TimeSpan.FromSeconds(7), await _harness.Time.NextTimerAsync());
        _harness.Time.Clock.Advance(TimeSpan.FromSeconds(6.9));
        Assert.Single(_harness.Api.Requests);
        _harness.Time.Clock.Advance(TimeSpan.FromSeconds(0.1));

        var created = await call;
        Assert.Equal(2, _harness.Api.Requests.Count);
        Assert.Equal(_harness.Api.Requests[0].Fields, _harness.Api.Requests[1].Fields);
        Assert.Equal(_harness.Api.Requests[1].Sid, created.Sid);
        Assert.Single(_harness.Logs.Records, r => r.EventId.Id == 4110);
    }

    [Fact]
    public async Task ServiceUnavailable_WithoutRetryAfter_BacksOffThenSucceeds()
    {
        _harness.Api.Script(TwilioAnswer.Json(503, "{}"));

        var call = CreateCallAsync();
        var delay = await _harness.Time.NextTimerAsync();
        Assert.InRange(delay, TimeSpan.FromMilliseconds(1), TwilioResilience.MaxRetryAfter);
        _harness.Time.Clock.Advance(delay);

        await call;
        Assert.Equal(2, _harness.Api.Requests.Count);
    }

    [Fact]
    public async Task TooManyRequests_EveryTime_GivesUpAfterMaxAttemptsWithTwiliosError()
    {
        for (var i = 0; i <= TwilioResilience.MaxRetryAttempts; i++)
        {
            _harness.Api.Script(TwilioAnswer.Error(429, 20429, retryAfterSeconds: 1));
        }

        var call = CreateCallAsync();
        for (var i = 0; i < TwilioResilience.MaxRetryAttempts; i++)
        {
            _harness.Time.Clock.Advance(await _harness.Time.NextTimerAsync());
        }

        var error = await Assert.ThrowsAsync<ApiException>(() => call);
        Assert.Equal((20429, 429), (error.Code, error.Status));
        Assert.Equal(TwilioResilience.MaxRetryAttempts + 1, _harness.Api.Requests.Count);
    }

    [Fact]
    public async Task TooManyRequests_RetryAfterBeyondLimit_IsHandedBackAtOnce()
    {
        _harness.Api.Script(TwilioAnswer.Error(429, 20429, retryAfterSeconds: 120));

        var error = await Assert.ThrowsAsync<ApiException>(CreateCallAsync);

        Assert.Equal(429, error.Status);
        Assert.Single(_harness.Api.Requests);
    }

    [Fact]
    public async Task InternalServerError_IsNotRetried()
    {
        _harness.Api.Script(TwilioAnswer.Error(500, 20500));

        var error = await Assert.ThrowsAsync<ApiException>(CreateCallAsync);

        Assert.Equal(20500, error.Code);
        Assert.Single(_harness.Api.Requests);
    }

    private Task<CallResource> CreateCallAsync() =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+15145550123"), new PhoneNumber("+15145550100")) { Url = new Uri("https://line.example.org/voice/offer") },
            client: _harness.Client);
}
