using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.AgentConsole.Switches;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Dialer;

/// <summary>Callbacks switched off: the dialer places nothing, and what was due is dialled once they are back on — none lost, none twice.</summary>
public sealed class DialerSwitchesTests : IDisposable
{
    private readonly ManualTimeProvider _clock = new(DialerHost.Afternoon);
    private readonly DialerHost _line;

    public DialerSwitchesTests() => _line = new DialerHost(_clock);

    public void Dispose() => _line.Dispose();

    [Fact]
    public async Task CallbacksOff_NothingIsDialled_BackOn_TheDueCallbackIsDialledOnce()
    {
        var board = _line.Services.GetRequiredService<StoredSwitchBoard>();
        await _line.SaveAsync(DialerHost.Callback("+14162223344", CallbackKind.Agent));
        await board.SetAsync(LineFeature.Callbacks, off: true, "sam", CancellationToken.None);

        await _line.PassAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _line.PassAsync();
        var whileOff = _line.Twilio.Calls.Count;
        var stillDue = await _line.Queue.DueAsync(_clock.GetUtcNow(), 10, includeAgentCallbacks: true, CancellationToken.None);

        await board.SetAsync(LineFeature.Callbacks, off: false, "sam", CancellationToken.None);
        await _line.PassAsync();
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _line.PassAsync();

        Assert.Equal(0, whileOff);
        Assert.Single(stillDue);
        Assert.Single(_line.Twilio.Calls);
    }
}
