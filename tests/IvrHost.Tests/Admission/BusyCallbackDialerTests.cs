using System.Net;
using System.Xml.Linq;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Admission;

/// <summary>
/// A caller the full line turned away is called back by the dialer like any other callback — but only once
/// the line has room again, so the call backs never refill a full line — and the call back starts at the menu.
/// </summary>
public sealed class BusyCallbackDialerTests : IDisposable
{
    private const string Phone = "+14162223344";

    private readonly DialerHost _line = new(new ManualTimeProvider(DialerHost.Afternoon), settings: new Dictionary<string, string?>
    {
        ["Admission:MaxCallsInProgress"] = "1",
        ["Admission:CountsRefresh"] = "00:00:00.1",
    });

    public void Dispose() => _line.Dispose();

    [Fact]
    public async Task TurnedAway_CalledBackOnlyOnceTheLineHasRoom_ThenStartsAtTheMenu()
    {
        var inFlow = new SignedWebhooks(_line.Client, SignedWebhooks.NewCallSid());
        await inFlow.DialAsync();
        var turned = new SignedWebhooks(_line.Client, SignedWebhooks.NewCallSid(), from: Phone);
        await turned.DialAsync();
        await turned.PressAsync("1"); // a call back, in English
        await turned.PressAsync("1"); // to the number I am calling from
        await EndAsync(turned);

        await _line.PassAsync();
        Assert.Empty(_line.Twilio.Calls); // the line is still full: the first call goes on

        await EndAsync(inFlow);
        await Eventually.HoldsAsync(
            async () =>
            {
                await _line.PassAsync();
                return _line.Twilio.Calls.Count > 0;
            },
            "the dialer calls the turned-away caller back once the line has room");

        var call = Assert.Single(_line.Twilio.Calls);
        Assert.Equal(Phone, call["To"]);
        var callback = Assert.Single(await _line.Requests.ListAsync(CallbackFilter.All, 10, CancellationToken.None));
        Assert.Equal(CallbackKind.LineBusy, callback.Request.Kind);
        Assert.Equal($"http://localhost/voice/outbound?callback={callback.Request.Id}&attempt=1", call["Url"]);

        await TwimlAsync(new Uri(call["Url"]).PathAndQuery, call.Sid!);
        using (var amd = await _line.PostAsync(new Uri(call["AsyncAmdStatusCallback"]).PathAndQuery, call.Sid!, ("AnsweredBy", "human")))
        {
            Assert.Equal(HttpStatusCode.NoContent, amd.StatusCode);
        }

        var answered = SignedWebhooks.Heard(await TwimlAsync($"/voice/outbound/continue?callback={callback.Request.Id}&attempt=1&wait=0", call.Sid!));
        Assert.Contains("You called us when our line was very busy", answered, StringComparison.Ordinal);
        Assert.Contains("To book a vaccine, press 1.", answered, StringComparison.Ordinal);
        Assert.Equal(CallbackStatus.Answered, (await _line.GetAsync(callback.Request.Id)).Status);
    }

    private static async Task EndAsync(SignedWebhooks call)
    {
        using var ended = await call.PostAsync("/voice/status", call.Fields(("CallStatus", "completed")));
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
    }

    private async Task<XDocument> TwimlAsync(string path, string callSid)
    {
        using var response = await _line.PostAsync(path, callSid);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
