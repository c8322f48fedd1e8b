using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Webhooks;

public sealed class TwimlErrorTests : EngineTest
{
    private static readonly string ApplicationError = new SoftphoneOptions().ApplicationErrorMessage;

    [Theory]
    [InlineData("text/xml", "<Response><Say>unclosed</Response>", 12100, "Say")]
    [InlineData("text/xml", "<Response><Sya>typo</Sya></Response>", 12200, "<Sya> is not a TwiML verb")]
    [InlineData("application/xml", "<Reponse/>", 12102, "<Reponse>")]
    [InlineData("application/json", "{\"say\":\"hi\"}", 12300, "Content-Type 'application/json'")]
    [InlineData(null, "<Response/>", 12300, "no Content-Type")]
    public async Task BadDocument_IsReportedWithTwiliosCode_AndTheCallerHearsTheApplicationError(string? contentType, string body, int code, string detail)
    {
        Line.Respond("/voice", contentType, body);

        var (call, heard) = await ListenAsync();

        var error = Assert.Single(call.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
        Assert.Equal(Line.Url("/voice"), error.Url);
        Assert.Equal([ApplicationError], heard);
        Assert.Equal(("completed", EndReason.ApplicationError), (call.Status, call.EndReason));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    [InlineData(403)]
    public async Task HttpErrorStatus_IsHttpRetrievalFailure11200(int status)
    {
        Line.Respond("/voice", "text/html", "<h1>Server error</h1>", status);

        var (call, heard) = await ListenAsync();

        var error = Assert.Single(call.Errors);
        Assert.Equal((11200, "HTTP retrieval failure"), (error.Code, error.Title));
        Assert.Contains($"HTTP {status}", error.Detail, StringComparison.Ordinal);
        Assert.Equal([ApplicationError], heard);
    }

    [Fact]
    public async Task NothingListening_IsHttpConnectionFailure11205()
    {
        var (call, _) = await ListenAsync(new DialRequest { VoiceUrl = new Uri($"http://127.0.0.1:{ClosedPort()}/voice") });

        Assert.Equal(11205, Assert.Single(call.Errors).Code);
    }

    [Fact]
    public async Task UnknownHost_IsHttpBadHostName11210()
    {
        var (call, _) = await ListenAsync(new DialRequest { VoiceUrl = new Uri("http://line.invalid/voice") });

        Assert.Equal(11210, Assert.Single(call.Errors).Code);
    }

    [Fact]
    public async Task HugeDocument_IsResponseBodyTooLarge11750()
    {
        Line.Twiml("/voice", Response(string.Concat(Enumerable.Repeat("<Say>This prompt is far too long. </Say>", 3000))));

        var (call, _) = await ListenAsync();

        Assert.Equal(11750, Assert.Single(call.Errors).Code);
    }

    [Fact]
    public async Task FailureLaterInTheCall_IsReportedToo()
    {
        Line.Twiml("/voice", Response("""<Say>Welcome</Say><Redirect>/missing</Redirect>"""));

        var (call, heard) = await ListenAsync();

        Assert.Equal(["Welcome", ApplicationError], heard);
        Assert.Equal(Line.Url("/missing"), Assert.Single(call.Errors).Url);
    }

    [Fact]
    public async Task FallbackUrl_IsRequestedWithErrorCodeAndErrorUrl_AndItsTwimlRuns()
    {
        Line.Respond("/voice", "text/xml", "<Response><Say>broken", 200);
        Line.Twiml("/fallback", Response("<Say>We are having trouble. Please call back later.</Say><Hangup/>"));

        var (call, heard) = await ListenAsync(Call() with { FallbackUrl = Line.Url("/fallback") });

        Assert.Equal(["We are having trouble. Please call back later."], heard);
        var fallback = Assert.Single(Line.To("/fallback"));
        Assert.Equal(("12100", Line.Url("/voice").AbsoluteUri, call.CallSid), (fallback["ErrorCode"], fallback["ErrorUrl"], fallback["CallSid"]));
        Assert.Equal(EndReason.LineHungUp, call.EndReason);
    }

    [Fact]
    public async Task FallbackFailingToo_BothAreReported_ThenTheApplicationError()
    {
        Line.Respond("/voice", "text/xml", "", 500);
        Line.Respond("/fallback", "text/xml", "", 503);

        var (call, heard) = await ListenAsync(Call() with { FallbackUrl = Line.Url("/fallback") });

        Assert.Equal([Line.Url("/voice"), Line.Url("/fallback")], call.Errors.Select(e => e.Url));
        Assert.Equal([ApplicationError], heard);
    }

    [Fact]
    public async Task PlainText_IsSaidThenTheCallHangsUp()
    {
        Line.Respond("/voice", "text/plain", "The line is closed today.");

        var (call, heard) = await ListenAsync();

        Assert.Equal(["The line is closed today."], heard);
        Assert.Equal(EndReason.LineHungUp, call.EndReason);
    }

    [Fact]
    public async Task Audio_IsPlayedThenTheCallHangsUp()
    {
        Line.Respond("/voice", "audio/mpeg", "ID3");

        var (call, heard) = await ListenAsync();

        Assert.Equal([Line.Url("/voice").AbsoluteUri], heard);
        Assert.Equal(EndReason.LineHungUp, call.EndReason);
    }

    [Fact]
    public async Task VerbTheSoftphoneDoesNotSimulate_IsSkippedWithANote()
    {
        Line.Twiml("/voice", Response("<Record maxLength=\"20\"/><Say>After the recording</Say>"));

        var (call, heard) = await ListenAsync();

        Assert.Equal(["After the recording"], heard);
        Assert.Empty(call.Errors);
        Assert.Contains(call.Transcript.Entries, e => e.Text.StartsWith("<Record> is valid TwiML the softphone does not simulate", StringComparison.Ordinal));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
