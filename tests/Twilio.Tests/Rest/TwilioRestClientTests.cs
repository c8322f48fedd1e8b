using System.Text;
using PhoneBooking.Testing;
using PhoneBooking.Twilio.Rest;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using HttpMethod = Twilio.Http.HttpMethod;

namespace PhoneBooking.Twilio.Tests.Rest;

/// <summary>The SDK's resources through our ITwilioRestClient: what reaches Twilio's API, and what comes back.</summary>
public sealed class TwilioRestClientTests : IDisposable
{
    private static readonly string ExpectedAuthorization =
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RestClientHarness.AccountSid}:{RestClientHarness.AuthToken}"));

    private readonly RestClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task CreateCall_AllFieldsTheDialerSets_ReachTheConfiguredApiBaseUrlWithBasicAuth()
    {
        var call = await CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+15145550123"), new PhoneNumber("+15145550100"))
            {
                Url = new Uri("https://line.example.org/voice/offer?kind=callback"),
                Method = HttpMethod.Post,
                FallbackUrl = new Uri("https://line.example.org/voice/fallback"),
                StatusCallback = new Uri("https://line.example.org/voice/status"),
                StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
                StatusCallbackMethod = HttpMethod.Post,
                MachineDetection = "DetectMessageEnd",
                AsyncAmd = "true",
                AsyncAmdStatusCallback = new Uri("https://line.example.org/voice/amd"),
                Timeout = 25,
            },
            client: _harness.Client);

        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal($"/2010-04-01/Accounts/{RestClientHarness.AccountSid}/Calls.json", request.Path);
        Assert.Equal(ExpectedAuthorization, request.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(
        [
            new("AsyncAmd", "true"),
            new("AsyncAmdStatusCallback", "https://line.example.org/voice/amd"),
            new("FallbackUrl", "https://line.example.org/voice/fallback"),
            new("From", "+15145550100"),
            new("MachineDetection", "DetectMessageEnd"),
            new("Method", "POST"),
            new("StatusCallback", "https://line.example.org/voice/status"),
            new("StatusCallbackEvent", "answered"),
            new("StatusCallbackEvent", "completed"),
            new("StatusCallbackEvent", "initiated"),
            new("StatusCallbackEvent", "ringing"),
            new("StatusCallbackMethod", "POST"),
            new("Timeout", "25"),
            new("To", "+15145550123"),
            new KeyValuePair<string, string>("Url", "https://line.example.org/voice/offer?kind=callback"),
        ], request.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal));
        Assert.Equal(request.Sid, call.Sid);
        Assert.Equal(CallResource.StatusEnum.Queued, call.Status);
    }

    [Fact]
    public async Task UpdateCall_Twiml_PostsTheDocumentToTheCall()
    {
        const string sid = "CA00000000000000000000000000000001";

        await CallResource.UpdateAsync(new UpdateCallOptions(sid) { Twiml = "<Response><Dial>+15145550100</Dial></Response>" }, client: _harness.Client);

        var request = Assert.Single(_harness.Api.Updates);
        Assert.Equal($"/2010-04-01/Accounts/{RestClientHarness.AccountSid}/Calls/{sid}.json", request.Path);
        Assert.Equal([new KeyValuePair<string, string>("Twiml", "<Response><Dial>+15145550100</Dial></Response>")], request.Fields);
    }

    [Fact]
    public async Task CreateMessage_FromOurNumber_SendsToFromBody()
    {
        var message = await MessageResource.CreateAsync(
            new CreateMessageOptions(new PhoneNumber("+15145550123")) { From = new PhoneNumber("+15145550100"), Body = "Code AB12: 23 Nov, 14:00." },
            client: _harness.Client);

        var request = Assert.Single(_harness.Api.Messages);
        Assert.Equal(
            [new("Body", "Code AB12: 23 Nov, 14:00."), new("From", "+15145550100"), new KeyValuePair<string, string>("To", "+15145550123")],
            request.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal(request.Sid, message.Sid);
    }

    [Fact]
    public async Task Error_TwilioErrorBody_ApiExceptionWithCode_LoggedWithoutTheNumberTwilioQuoted()
    {
        _harness.Api.Script(TwilioAnswer.Json(400, """
            {"code":21211,"message":"The 'To' number +15145550123 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}
            """));

        var error = await Assert.ThrowsAsync<ApiException>(CreateCallAsync);

        Assert.Equal((21211, 400), (error.Code, error.Status));
        Assert.Equal("Twilio error 21211, HTTP 400", TwilioFailure.Describe(error));
        var logged = Assert.Single(_harness.Logs.Records, r => r.EventId.Id == 4104);
        Assert.Equal((21211, 400), (logged.Properties["TwilioErrorCode"], logged.Properties["StatusCode"]));
        Assert.All(_harness.Logs.Records, r => Assert.DoesNotContain("+1514555", r.Message + string.Join('|', r.Properties.Values), StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoResponse_AfterTheCreateWasSent_IsApiConnectionExceptionAndNotRetried()
    {
        _harness.Api.Script(TwilioAnswer.NoResponse);

        var call = CreateCallAsync();
        await _harness.Api.WaitForRequestsAsync(1);
        _harness.Time.Clock.Advance(RestClientHarness.RequestTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        _harness.Time.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var error = await Assert.ThrowsAsync<ApiConnectionException>(() => call);

        // In doubt: Twilio may have placed the call, so it was asked exactly once.
        Assert.Single(_harness.Api.Calls);
        Assert.StartsWith("no answer from Twilio", TwilioFailure.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAccountSid_ThrowsBeforeAnythingIsSent()
    {
        using var harness = new RestClientHarness(accountSid: null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+15145550123"), new PhoneNumber("+15145550100")) { Url = new Uri("https://line.example.org/voice") },
            client: harness.Client));

        Assert.Empty(harness.Api.Requests);
    }

    private Task<CallResource> CreateCallAsync() =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+15145550123"), new PhoneNumber("+15145550100")) { Url = new Uri("https://line.example.org/voice/offer") },
            client: _harness.Client);
}
