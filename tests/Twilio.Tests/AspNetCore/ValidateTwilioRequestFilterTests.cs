using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using PhoneBooking.Twilio.AspNetCore;
using PhoneBooking.Testing;

namespace PhoneBooking.Twilio.Tests.AspNetCore;

public sealed class ValidateTwilioRequestFilterTests : IAsyncLifetime
{
    private const string CallerNumber = "+15145550123";

    private static readonly KeyValuePair<string, string>[] CallForm =
    [
        new("CallSid", "CA0123456789abcdef0123456789abcdef"),
        new("From", CallerNumber),
        new("To", "+15145550100"),
        new("Digits", "19450317"),
    ];

    private WebhookHost _host = null!;

    public async Task InitializeAsync() => _host = await WebhookHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_ValidSignature_RunsEndpointAndAnswersTwiML()
    {
        using var response = await _host.PostFormAsync("/voice/answer?step=1", CallForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Response><Say>Call CA0123456789abcdef0123456789abcdef</Say></Response>",
            await response.Content.ReadAsStringAsync());
        Assert.Equal(1, _host.Handled);
    }

    [Fact]
    public async Task Post_UrlSignedWithoutPort_IsAcceptedAsTwilioSdksDo()
    {
        var withoutPort = new UriBuilder(_host.BaseUrl) { Port = -1 }.Uri.GetLeftPart(UriPartial.Authority);

        using var response = await _host.PostFormAsync("/voice/answer", CallForm, signedUrl: withoutPort + "/voice/answer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_NoSignature_Is403_EndpointNeverRuns_WarningWithoutPersonalData()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/voice/answer") { Content = new FormUrlEncodedContent(CallForm) };

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _host.Handled);
        var warning = Assert.Single(_host.Logs.Records, r => r.EventId.Id == 4001);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("/voice/answer", warning.Properties["Path"]!.ToString());
        Assert.Equal("CA0123456789abcdef0123456789abcdef", warning.Properties["CallSid"]);
        Assert.Equal(WebhookRejection.MissingSignature, warning.Properties["Reason"]);
        AssertNoPersonalDataLogged();
    }

    [Fact]
    public async Task Post_EmptySignatureHeader_Is403MissingSignatureNot500()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/voice/answer") { Content = new FormUrlEncodedContent(CallForm) };
        request.Headers.TryAddWithoutValidation(TwilioRequestVerifier.SignatureHeader, "");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _host.Handled);
        Assert.Equal(WebhookRejection.MissingSignature, Assert.Single(_host.Logs.Records, r => r.EventId.Id == 4001).Properties["Reason"]);
    }

    /// <summary>
    /// An attacker's unsigned request carries whatever "CallSid" it likes: 60 KB of text, a phone
    /// number, a forged log line. The warning names a CallSid only when it has Twilio's shape.
    /// </summary>
    [Theory]
    [InlineData(60_000)]
    [InlineData(0)]
    public async Task Post_UnsignedWithForgedCallSid_Is403_WarningLogsAFixedMarkerNotTheField(int padding)
    {
        var forged = padding > 0
            ? "CA" + new string('f', padding) + CallerNumber
            : "CA0123456789abcdef0123456789abcdef\nRefused nothing: all good " + CallerNumber;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/voice/answer")
        {
            Content = new FormUrlEncodedContent([new("CallSid", forged), new("From", CallerNumber)]),
        };
        request.Headers.Add(TwilioRequestVerifier.SignatureHeader, "forged+signature=");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _host.Handled);
        var warning = Assert.Single(_host.Logs.Records, r => r.EventId.Id == 4001);
        Assert.Equal(ValidateTwilioRequestFilter.MalformedCallSid, warning.Properties["CallSid"]);
        Assert.All(_host.Logs.Records, r => Assert.True((r.Message + string.Join('|', r.Properties.Values)).Length < 500, "a log line grew with the request"));
        AssertNoPersonalDataLogged();
    }

    [Fact]
    public async Task Post_TamperedField_Is403SignatureMismatch()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/voice/answer")
        {
            Content = new FormUrlEncodedContent([.. CallForm[..3], new("Digits", "19450318")]),
        };
        request.Headers.Add(TwilioRequestVerifier.SignatureHeader, TwilioSigner.Sign(WebhookHost.Token, _host.BaseUrl + "/voice/answer", CallForm));

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _host.Handled);
        Assert.Equal(WebhookRejection.SignatureMismatch, Assert.Single(_host.Logs.Records, r => r.EventId.Id == 4001).Properties["Reason"]);
        AssertNoPersonalDataLogged();
    }

    [Fact]
    public async Task Post_SignedWithAnotherToken_Is403()
    {
        using var response = await _host.PostFormAsync("/voice/answer", CallForm, token: "someone-elses-token");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _host.Handled);
    }

    [Fact]
    public async Task Post_ChangedQueryString_Is403()
    {
        using var response = await _host.PostFormAsync("/voice/answer?step=2", CallForm, signedUrl: _host.BaseUrl + "/voice/answer?step=1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_BehindProxyWithForwardedHeaders_ValidatesThePublicUrl()
    {
        using var response = await _host.PostFormAsync("/voice/answer", CallForm, signedUrl: "https://line.example.org/phone/voice/answer", configure: request =>
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "line.example.org");
            request.Headers.Add("X-Forwarded-Prefix", "/phone");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_JsonBodyWithBodySha256_ValidatesHashAndEndpointStillBindsBody()
    {
        const string body = """{"Name":"offer-ready"}""";
        var path = "/voice/events?bodySHA256=" + TwilioSigner.BodySha256(body);

        using var response = await SendJsonAsync(path, body, signedUrl: _host.BaseUrl + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"received":"offer-ready"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_JsonBodyNotMatchingBodySha256_Is403BodyHashMismatch()
    {
        var path = "/voice/events?bodySHA256=" + TwilioSigner.BodySha256("""{"Name":"offer-ready"}""");

        using var response = await SendJsonAsync(path, """{"Name":"forged"}""", signedUrl: _host.BaseUrl + path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _host.Handled);
        Assert.Equal(WebhookRejection.BodyHashMismatch, Assert.Single(_host.Logs.Records, r => r.EventId.Id == 4001).Properties["Reason"]);
    }

    private async Task<HttpResponseMessage> SendJsonAsync(string path, string body, string signedUrl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TwilioRequestVerifier.SignatureHeader, TwilioSigner.Sign(WebhookHost.Token, signedUrl, []));
        return await _host.Client.SendAsync(request);
    }

    private void AssertNoPersonalDataLogged()
    {
        foreach (var record in _host.Logs.Records)
        {
            var text = record.Message + string.Join('|', record.Properties.Values);
            Assert.DoesNotContain(CallerNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain("19450317", text, StringComparison.Ordinal);
        }
    }
}
