using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Dialer;

/// <summary>The dialer as `dotnet run` runs it: the hosted loop, on its own, in real time.</summary>
public sealed class DialerServiceTests
{
    [Fact]
    public async Task DialerEnabled_SavedCallback_IsDialledByTheLoopWithinSeconds()
    {
        using var line = new DialerHost(new ManualTimeProvider(DialerHost.Afternoon), settings: new Dictionary<string, string?>
        {
            ["Callbacks:DialerEnabled"] = "true",
            ["Callbacks:PollInterval"] = "00:00:00.100",
        });
        await line.SaveAsync(DialerHost.Callback("+14162223344"));

        for (var wait = 0; wait < 100 && line.Twilio.Calls.Count == 0; wait++)
        {
            await Task.Delay(100);
        }

        var call = Assert.Single(line.Twilio.Calls);
        Assert.Equal("+14162223344", call["To"]);
    }
}
