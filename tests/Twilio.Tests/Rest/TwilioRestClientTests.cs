using System.Net;
using System.Text;
using PhoneBooking.Twilio.Rest;
using PhoneBooking.Twilio.TwiML;

namespace PhoneBooking.Twilio.Tests.Rest;

public sealed class TwilioRestClientTests : IDisposable
{
    private const string CallJson = """
        {"sid":"CA00000000000000000000000000000001","account_sid":"AC0123456789abcdef0123456789abcdef","status":"queued",
         "direction":"outbound-api","answered_by":null,"parent_call_sid":null,"to":"+15145550123","from":"+15145550100"}
        """;

    private static readonly string ExpectedAuthorization =
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RestClientHarness.AccountSid}:{RestClientHarness.AuthToken}"));

    private readonly RestClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task CreateCall_AllFields_SendsTwiliosExactWireRequest()
    {
        _harness.Api.Answer(HttpStatusCode.Created, CallJson);

        var call = await _harness.Client.CreateCallAsync(new CreateCallOptions("+15145550123", "+15145550100")
        {
            Url = new Uri("https://line.example.org/voice/offer?kind=callback"),
            Method = HttpMethod.Post,
            FallbackUrl = new Uri("https://line.example.org/voice/fallback"),
            StatusCallback = new Uri("https://line.example.org/voice/status"),
            StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
            StatusCallbackMethod = HttpMethod.Post,
            MachineDetection = "DetectMessageEnd",
            AsyncAmd = true,
            AsyncAmdStatusCallback = new Uri("https://line.example.org/voice/amd"),
            Timeout = 25,
        });

        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://api.twilio.test/2010-04-01/Accounts/{RestClientHarness.AccountSid}/Calls.json", request.Uri.ToString());
        Assert.Equal(ExpectedAuthorization, request.Authorization);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(
        [
            new("To", "+15145550123"),
            new("From", "+15145550100"),
            new("Url", "https://line.example.org/voice/offer?kind=callback"),
            new("Method", "POST"),
            new("FallbackUrl", "https://line.example.org/voice/fallback"),
            new("StatusCallback", "https://line.example.org/voice/status"),
            new("StatusCallbackEvent", "initiated"),
            new("StatusCallbackEvent", "ringing"),
            new("StatusCallbackEvent", "answered"),
            new("StatusCallbackEvent", "completed"),
            new("StatusCallbackMethod", "POST"),
            new("MachineDetection", "DetectMessageEnd"),
            new("AsyncAmd", "true"),
            new("AsyncAmdStatusCallback", "https://line.example.org/voice/amd"),
            new KeyValuePair<string, string>("Timeout", "25"),
        ], request.Form);
        Assert.Equal(new CallResource("CA00000000000000000000000000000001", RestClientHarness.AccountSid, CallResource.Statuses.Queued, "outbound-api", null, null), call);
    }

    [Fact]
    public async Task CreateCall_WithTwiml_SendsTheDocument()
    {
        _harness.Api.Answer(HttpStatusCode.Created, CallJson);
        var twiml = new VoiceResponse().Say("Your appointment is ready.").ToString();

        await _harness.Client.CreateCallAsync(new CreateCallOptions("+15145550123", "+15145550100") { Twiml = twiml });

        Assert.Equal([new("To", "+15145550123"), new("From", "+15145550100"), new KeyValuePair<string, string>("Twiml", twiml)], Assert.Single(_harness.Api.Requests).Form);
    }

    [Fact]
    public async Task CreateCall_NeitherUrlNorTwiml_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _harness.Client.CreateCallAsync(new CreateCallOptions("+15145550123", "+15145550100")));

        Assert.Empty(_harness.Api.Requests);
    }

    [Fact]
    public async Task UpdateCall_Completed_PostsStatusToTheCall()
    {
        _harness.Api.Answer(HttpStatusCode.OK, CallJson.Replace("queued", "completed", StringComparison.Ordinal));

        var call = await _harness.Client.UpdateCallAsync(new UpdateCallOptions("CA00000000000000000000000000000001") { Status = "completed" });

        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal($"/2010-04-01/Accounts/{RestClientHarness.AccountSid}/Calls/CA00000000000000000000000000000001.json", request.Uri.AbsolutePath);
        Assert.Equal(ExpectedAuthorization, request.Authorization);
        Assert.Equal([new KeyValuePair<string, string>("Status", "completed")], request.Form);
        Assert.Equal(CallResource.Statuses.Completed, call.Status);
    }

    [Fact]
    public async Task UpdateCall_Redirect_PostsUrlAndMethod()
    {
        _harness.Api.Answer(HttpStatusCode.OK, CallJson);

        await _harness.Client.UpdateCallAsync(new UpdateCallOptions("CA1") { Url = new Uri("https://line.example.org/voice/agent"), Method = HttpMethod.Post });

        Assert.Equal([new("Url", "https://line.example.org/voice/agent"), new KeyValuePair<string, string>("Method", "POST")], Assert.Single(_harness.Api.Requests).Form);
    }

    [Fact]
    public async Task CreateMessage_ViaMessagingService_SendsFieldsWithoutFrom()
    {
        _harness.Api.Answer(HttpStatusCode.Created, """{"sid":"SM1","account_sid":"AC1","status":"accepted","messaging_service_sid":"MG1","error_code":null}""");

        var message = await _harness.Client.CreateMessageAsync(new CreateMessageOptions("+15145550123")
        {
            MessagingServiceSid = "MG1",
            Body = "Code AB12: 23 Nov, 14:00.",
            StatusCallback = new Uri("https://line.example.org/sms/status"),
        });

        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal($"/2010-04-01/Accounts/{RestClientHarness.AccountSid}/Messages.json", request.Uri.AbsolutePath);
        Assert.Equal(
        [
            new("To", "+15145550123"),
            new("MessagingServiceSid", "MG1"),
            new("Body", "Code AB12: 23 Nov, 14:00."),
            new KeyValuePair<string, string>("StatusCallback", "https://line.example.org/sms/status"),
        ], request.Form);
        Assert.Equal(new MessageResource("SM1", "AC1", "accepted", "MG1", null), message);
    }

    [Fact]
    public async Task CreateMessage_FromOurNumber_SendsFrom()
    {
        _harness.Api.Answer(HttpStatusCode.Created, """{"sid":"SM2","status":"queued"}""");

        await _harness.Client.CreateMessageAsync(new CreateMessageOptions("+15145550123") { From = "+15145550100", Body = "Hi" });

        Assert.Equal([new("To", "+15145550123"), new("From", "+15145550100"), new KeyValuePair<string, string>("Body", "Hi")], Assert.Single(_harness.Api.Requests).Form);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateMessage_NeitherOrBothSenders_ThrowsBeforeSending(bool both)
    {
        var options = new CreateMessageOptions("+15145550123") { Body = "Hi" };
        if (both)
        {
            options.From = "+15145550100";
            options.MessagingServiceSid = "MG1";
        }

        await Assert.ThrowsAsync<ArgumentException>(() => _harness.Client.CreateMessageAsync(options));
        Assert.Empty(_harness.Api.Requests);
    }

    [Fact]
    public async Task Error_TwilioErrorBody_BecomesTypedExceptionWithoutPersonalDataInMessageOrLogs()
    {
        _harness.Api.Answer(HttpStatusCode.BadRequest, """
            {"code":21211,"message":"The 'To' number +15145550123 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}
            """);

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            _harness.Client.CreateCallAsync(new CreateCallOptions("+15145550123", "+15145550100") { Url = new Uri("https://line.example.org/voice") }));

        Assert.Equal(21211, error.Code);
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(new Uri("https://www.twilio.com/docs/errors/21211"), error.MoreInfo);
        Assert.Contains("+15145550123", error.ApiMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("+15145550123", error.Message, StringComparison.Ordinal);
        var logged = Assert.Single(_harness.Logs.Records, r => r.EventId.Id == 4104);
        Assert.Equal(21211, logged.Properties["TwilioErrorCode"]);
        Assert.All(_harness.Logs.Records, r => Assert.DoesNotContain("+1514555", r.Message + string.Join('|', r.Properties.Values), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Error_NonJsonBody_BecomesExceptionWithStatusOnly()
    {
        _harness.Api.Answer(HttpStatusCode.BadGateway, "<html>Bad gateway</html>");

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            _harness.Client.UpdateCallAsync(new UpdateCallOptions("CA1") { Status = "completed" }));

        Assert.Equal(0, error.Code);
        Assert.Equal(HttpStatusCode.BadGateway, error.Status);
        Assert.Single(_harness.Api.Requests);
    }

    [Fact]
    public async Task Success_UnreadableJson_BecomesTwilioApiException()
    {
        _harness.Api.Answer(HttpStatusCode.Created, "not json");

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            _harness.Client.CreateMessageAsync(new CreateMessageOptions("+15145550123") { From = "+15145550100", Body = "Hi" }));

        Assert.Equal(HttpStatusCode.Created, error.Status);
    }
}
