using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Callbacks;

/// <summary>The queue's front door: saving promises once, and what the agent console reads.</summary>
public sealed class CallbackRequestsTests : IDisposable
{
    private readonly ManualTimeProvider _clock = new(DialerHost.Afternoon);
    private readonly DialerHost _line;

    public CallbackRequestsTests() => _line = new DialerHost(_clock);

    public void Dispose() => _line.Dispose();

    [Fact]
    public async Task Save_ReplayedWebhook_SavesOneCallback()
    {
        var session = new CallSession { CallSid = "CA" + new string('7', 32), CallbackNumber = "+14162223344", RequestId = "br_1", Person = 1 };

        for (var i = 0; i < 5; i++)
        {
            await _line.SaveAsync(CallbackRequest.ForOffer(session));
        }

        var saved = Assert.Single(await _line.Requests.ListAsync(CallbackFilter.All, 10, CancellationToken.None));
        Assert.Equal($"{session.CallSid}-offer-1", saved.Request.Id);
        Assert.Matches("^[A-Za-z0-9-]+$", saved.Request.Id);
    }

    [Fact]
    public async Task Save_SecondOfferCallbackForTheSameRequest_UpdatesTheFirstNumberAndLanguage()
    {
        await _line.SaveAsync(DialerHost.Callback("+14162223344", CallbackKind.Offer, requestId: "br_1", callSid: "CA" + new string('1', 32)));
        await _line.SaveAsync(DialerHost.Callback("+16132223344", CallbackKind.Offer, requestId: "br_1", callSid: "CA" + new string('2', 32)) with { Locale = "fr-CA" });

        var only = Assert.Single(await _line.Requests.ListAsync(CallbackFilter.Open, 10, CancellationToken.None));
        Assert.Equal(("+16132223344", "fr-CA"), (only.Request.Phone, only.Request.Locale));
    }

    [Fact]
    public async Task Save_AgentCallback_KeepsWhyTheCallerWantedAPerson()
    {
        var session = new CallSession { CallSid = "CA" + new string('3', 32), CallerId = "+14162223344", Handoff = HandoffReason.BackendDown };

        await _line.SaveAsync(CallbackRequest.ForAgent(session));

        var saved = Assert.Single(await _line.Requests.ListAsync(CallbackFilter.Open, 10, CancellationToken.None));
        Assert.Equal((CallbackKind.Agent, HandoffReason.BackendDown, CallbackStatus.Scheduled), (saved.Request.Kind, saved.Request.Handoff, saved.Status));
        Assert.Equal(CallEntry.AgentCallback, saved.Request.Entry);
    }

    [Fact]
    public async Task Save_Reminder_IsDueFromMidnightOfItsDayInTheLinesZone()
    {
        var session = new CallSession { CallSid = "CA" + new string('4', 32), CallerId = "+14162223344", GroupOpensOn = new DateOnly(2027, 1, 15) };

        await _line.SaveAsync(CallbackRequest.Reminder(session));

        var saved = Assert.Single(await _line.Requests.ListAsync(CallbackFilter.Open, 10, CancellationToken.None));
        Assert.Equal(new DateOnly(2027, 1, 15), saved.Request.DueOn);
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.FromHours(-5)), saved.NextAttemptAt);
    }

    [Fact]
    public async Task List_OpenFinishedAndRefused_AreSeparateWithTheirAttempts()
    {
        await _line.SaveAsync(DialerHost.Callback("+14162223344", callSid: "CA" + new string('5', 32)));
        await _line.SaveAsync(DialerHost.Callback("+19005550123", callSid: "CA" + new string('6', 32)));
        await _line.PassAsync();

        var open = Assert.Single(await _line.Requests.ListAsync(CallbackFilter.Open, 10, CancellationToken.None));
        var refused = Assert.Single(await _line.Requests.ListAsync(CallbackFilter.Refused, 10, CancellationToken.None));
        Assert.Empty(await _line.Requests.ListAsync(CallbackFilter.Finished, 10, CancellationToken.None));
        Assert.Equal((CallbackStatus.Calling, 1), (open.Status, open.Attempts.Count));
        Assert.Equal(("+19005550123", "premium-rate"), (refused.Request.Phone, refused.RefusalReason));
    }
}
