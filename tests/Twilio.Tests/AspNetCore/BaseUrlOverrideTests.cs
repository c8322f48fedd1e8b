using System.Net;

namespace PhoneBooking.Twilio.Tests.AspNetCore;

public sealed class BaseUrlOverrideTests : IAsyncLifetime
{
    private static readonly KeyValuePair<string, string>[] Form = [new("CallSid", "CA11111111111111111111111111111111")];

    private WebhookHost _host = null!;

    public async Task InitializeAsync() => _host = await WebhookHost.StartAsync(new()
    {
        ["Twilio:AuthToken"] = WebhookHost.Token,
        ["Twilio:BaseUrlOverride"] = "https://line.example.org/",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_SignedForOverrideOriginWithPathAndQuery_IsAccepted()
    {
        using var response = await _host.PostFormAsync("/voice/answer?step=1", Form, signedUrl: "https://line.example.org/voice/answer?step=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedForTheLocalUrl_IsRefusedBecauseTwilioNeverCallsIt()
    {
        using var response = await _host.PostFormAsync("/voice/answer", Form);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _host.Handled);
    }
}
