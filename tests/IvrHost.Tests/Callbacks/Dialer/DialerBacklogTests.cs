using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Callbacks.Dialer;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Dialer;

/// <summary>
/// What the dialer alerts and the offer callback SLO read (docs/slo.md): the backlog of due callbacks,
/// how long the oldest has waited, and how long an offer callback waited for its first dial — counted
/// from the offer, not from when the caller hung up.
/// </summary>
public sealed class DialerBacklogTests : IDisposable
{
    private const string Phone = "+14162223344";
    private readonly ManualTimeProvider _clock = new(DialerHost.Afternoon);
    private readonly DialerHost _line;
    private readonly GaugeReader _dialer;

    public DialerBacklogTests()
    {
        _line = new DialerHost(_clock);
        _dialer = new GaugeReader(_line.Services.GetRequiredService<IMeterFactory>(), DialerMetrics.MeterName);
    }

    public void Dispose()
    {
        _dialer.Dispose();
        _line.Dispose();
    }

    [Fact]
    public async Task Gauges_CountDueCallbacksByKind_AndTheOldestWaitsFromItsOffer()
    {
        var gauges = _line.Services.GetRequiredService<CallbackQueueGauges>();
        await _line.SaveAsync(DialerHost.Callback(Phone, CallbackKind.Offer, requestId: "br_1"));
        await _line.SaveAsync(DialerHost.Callback("+14162223355", CallbackKind.Agent, callSid: "CA00000000000000000000000000000002"));
        await _line.SaveAsync(DialerHost.Callback("+14162223366", CallbackKind.Reminder, dueOn: DateOnly.FromDateTime(DialerHost.Afternoon.UtcDateTime).AddDays(3), callSid: "CA00000000000000000000000000000003"));

        _clock.Advance(TimeSpan.FromMinutes(10));
        await gauges.SampleAsync(CancellationToken.None);
        var agentOnly = _dialer.Observe();

        await _line.OfferMadeAsync("br_1");
        _clock.Advance(TimeSpan.FromMinutes(2));
        await gauges.SampleAsync(CancellationToken.None);
        var both = _dialer.Observe();

        // The offer callback waited for its offer (not due), the reminder is due in three days.
        Assert.Equal((0, 1, 0), (agentOnly["phonebooking.callbacks.due{kind=offer}"], agentOnly["phonebooking.callbacks.due{kind=agent}"], agentOnly["phonebooking.callbacks.due{kind=reminder}"]));
        Assert.Equal(600, agentOnly["phonebooking.dialer.lag"]);
        Assert.Equal((1, 1), (both["phonebooking.callbacks.due{kind=offer}"], both["phonebooking.callbacks.due{kind=agent}"]));
        Assert.Equal(720, both["phonebooking.dialer.lag"]); // the agent callback, due 12 minutes ago

        var due = await _line.Queue.DueAsync(_clock.GetUtcNow(), 10, includeAgentCallbacks: true, CancellationToken.None);
        Assert.Equal(DialerHost.Afternoon.AddMinutes(10), Assert.Single(due, d => d.Kind == CallbackKind.Offer).DueSince);
    }

    [Fact]
    public async Task Gauges_NothingDue_ReportZero_AndAFailedSampleReportsNothing()
    {
        var gauges = _line.Services.GetRequiredService<CallbackQueueGauges>();

        await gauges.SampleAsync(CancellationToken.None);
        var empty = _dialer.Observe();
        gauges.Forget();
        var forgotten = _dialer.Observe();

        Assert.Equal([0, 0, 0, 0], new[] { "due{kind=offer}", "due{kind=agent}", "due{kind=reminder}" }.Select(k => empty["phonebooking.callbacks." + k]).Append(empty["phonebooking.dialer.lag"]));
        Assert.Empty(forgotten);
    }

    [Fact]
    public async Task FirstDialOfAnOfferCallback_RecordsTheDelayFromTheOffer_NotFromTheHangUp()
    {
        await _line.SaveAsync(DialerHost.Callback(Phone, CallbackKind.Offer, requestId: "br_2"));
        _clock.Advance(TimeSpan.FromMinutes(7)); // the caller hung up 7 minutes before the offer
        await _line.OfferMadeAsync("br_2");
        _clock.Advance(TimeSpan.FromSeconds(90));

        await _line.PassAsync();

        Assert.Single(_line.Twilio.Calls);
        Assert.Equal([90], _dialer.Recorded("phonebooking.dialer.offer_callback.delay"));
    }

    [Fact]
    public async Task AgentCallbackDial_IsNotAnOfferCallback_AndRecordsNoDelay()
    {
        await _line.SaveAsync(DialerHost.Callback(Phone, CallbackKind.Agent));

        await _line.PassAsync();

        Assert.Single(_line.Twilio.Calls);
        Assert.Empty(_dialer.Recorded("phonebooking.dialer.offer_callback.delay"));
    }
}
