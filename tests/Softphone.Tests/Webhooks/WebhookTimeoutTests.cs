using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Webhooks;

public sealed class WebhookTimeoutTests : EngineTest
{
    protected override SoftphoneOptions Options => new() { WebhookTimeout = TimeSpan.FromMilliseconds(400) };

    [Fact]
    public async Task SlowLine_TimesOutAsTwilioDoes_11205()
    {
        Line.On("/voice", async (_, context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            await context.Response.WriteAsync(Response("<Say>too late</Say>"));
        });
        var clock = Stopwatch.StartNew();

        var (call, heard) = await ListenAsync();

        var error = Assert.Single(call.Errors);
        Assert.Equal(11205, error.Code);
        Assert.Contains("no response within 0.4 s", error.Detail, StringComparison.Ordinal);
        Assert.Equal([new SoftphoneOptions().ApplicationErrorMessage], heard);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"gave up after {clock.Elapsed}");
    }
}
