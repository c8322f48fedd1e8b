using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Calls;

public sealed class RedirectTests : EngineTest
{
    protected override SoftphoneOptions Options => new() { MaxDocumentsPerCall = 20 };

    [Fact]
    public async Task Chain_FollowsRelativeUrlsAndMethods()
    {
        Line.Twiml("/voice", Response("<Redirect>/flow/two</Redirect><Say>not reached</Say>"));
        Line.Twiml("/flow/two", Response("""<Redirect method="GET">three?attempt=2</Redirect>"""));
        Line.Twiml("/flow/three", Response("<Say>Arrived</Say>"));

        var (call, heard) = await ListenAsync();

        Assert.Equal(["Arrived"], heard);
        Assert.Equal(["/voice", "/flow/two", "/flow/three"], Line.Requests.Select(r => r.Path));
        Assert.Equal(["POST", "POST", "GET"], Line.Requests.Select(r => r.Method));
        Assert.Equal(("2", call.CallSid, "in-progress"), (Line.To("/flow/three")[0]["attempt"], Line.To("/flow/three")[0]["CallSid"], Line.To("/flow/three")[0]["CallStatus"]));
    }

    [Fact]
    public async Task EndlessRedirectLoop_IsStoppedByTheRunawayGuard()
    {
        Line.Twiml("/voice", Response("<Redirect>/voice</Redirect>"));

        var (call, _) = await ListenAsync();

        Assert.Equal(EndReason.TimeLimit, call.EndReason);
        Assert.Equal(20, Line.Requests.Count);
    }
}
