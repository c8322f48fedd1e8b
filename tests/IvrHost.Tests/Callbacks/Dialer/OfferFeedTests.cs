using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Callbacks.Dialer;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.SchedulingClient;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Dialer;

/// <summary>The API's event feed, read from a stored cursor, at least once.</summary>
public sealed class OfferFeedTests : IDisposable
{
    private const string Phone = "+14382223344";
    private readonly ManualTimeProvider _clock = new(DialerHost.Afternoon);
    private readonly FakeEventFeed _api = new();
    private readonly DialerHost _line;

    public OfferFeedTests() => _line = new DialerHost(_clock, services: s => s.AddTransient<ISchedulingClient>(_ => _api));

    public void Dispose() => _line.Dispose();

    private OfferFeed Feed => _line.Services.GetRequiredService<OfferFeed>();

    [Fact]
    public async Task Poll_NoOfferCallbackOpen_LeavesTheApiAlone()
    {
        _api.Add(SchedulingEventTypes.OfferMade, "br_1");
        await _line.SaveAsync(DialerHost.Callback(Phone, CallbackKind.Agent));

        Assert.Equal(0, await Feed.PollAsync(CancellationToken.None));
        Assert.Empty(_api.ReadAfter);
    }

    [Fact]
    public async Task Poll_OfferMade_MakesTheCallbackDueAndStoresTheCursor()
    {
        _api.Add(SchedulingEventTypes.OfferMade, "br_other");
        _api.Add(SchedulingEventTypes.OfferMade, "br_1");
        var callback = DialerHost.Callback(Phone, CallbackKind.Offer, requestId: "br_1");
        await _line.SaveAsync(callback);

        Assert.Equal(2, await Feed.PollAsync(CancellationToken.None));
        Assert.Equal(CallbackStatus.Scheduled, (await _line.GetAsync(callback.Id)).Status);

        _api.Add(SchedulingEventTypes.BookingConfirmed, "br_other");
        await Feed.PollAsync(CancellationToken.None);
        Assert.Equal([0, 2], _api.ReadAfter);
    }

    [Fact]
    public async Task Poll_SamePageDeliveredTwice_ChangesNothing()
    {
        var callback = DialerHost.Callback(Phone, CallbackKind.Offer, requestId: "br_1");
        await _line.SaveAsync(callback);
        var store = _line.Services.GetRequiredService<IOfferFeedStore>();
        SchedulingEvent[] made = [new(5, SchedulingEventTypes.OfferMade, _clock.GetUtcNow(), "br_1", "of_5", Channel.Phone)];
        SchedulingEvent[] expired = [new(6, SchedulingEventTypes.OfferExpired, _clock.GetUtcNow(), "br_1", "of_5", Channel.Phone)];

        await store.ApplyAsync(made, 5, CancellationToken.None);
        await store.ApplyAsync(expired, 6, CancellationToken.None);
        await store.ApplyAsync(made, 5, CancellationToken.None); // an old event again: the expiry stands

        Assert.Equal(CallbackStatus.WaitingForOffer, (await _line.GetAsync(callback.Id)).Status);
        Assert.Equal(6, await store.CursorAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Poll_RequestBookedElsewhere_ClosesTheCallbackWithoutACall()
    {
        var callback = DialerHost.Callback(Phone, CallbackKind.Offer, requestId: "br_1");
        await _line.SaveAsync(callback);
        _api.Add(SchedulingEventTypes.OfferMade, "br_1");
        _api.Add(SchedulingEventTypes.BookingConfirmed, "br_1");

        await Feed.PollAsync(CancellationToken.None);
        await _line.PassAsync();

        Assert.Empty(_line.Twilio.Calls);
        var record = await _line.GetAsync(callback.Id);
        Assert.Equal((CallbackStatus.Closed, "request booked"), (record.Status, record.Outcome));
    }

    [Fact]
    public async Task Poll_WebRequestsEvents_AreNotAboutPhoneCallbacks()
    {
        var callback = DialerHost.Callback(Phone, CallbackKind.Offer, requestId: "br_1");
        await _line.SaveAsync(callback);
        _api.Add(SchedulingEventTypes.OfferMade, "br_1", Channel.Web);

        await Feed.PollAsync(CancellationToken.None);

        Assert.Equal(CallbackStatus.WaitingForOffer, (await _line.GetAsync(callback.Id)).Status);
    }

    [Fact]
    public async Task Poll_ApiDown_KeepsTheCursorAndReadsAgainLater()
    {
        await _line.SaveAsync(DialerHost.Callback(Phone, CallbackKind.Offer, requestId: "br_1"));
        _api.Add(SchedulingEventTypes.OfferMade, "br_1");
        _api.Down = true;

        Assert.Equal(0, await Feed.PollAsync(CancellationToken.None));
        _api.Down = false;
        Assert.Equal(1, await Feed.PollAsync(CancellationToken.None));
        Assert.Equal([0, 0], _api.ReadAfter);
    }
}
