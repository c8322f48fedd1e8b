using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Callbacks;

namespace PhoneBooking.IvrHost.Tests.Callbacks;

public sealed class CallbackSessionsTests
{
    private const string NewCall = "CA" + "99999999999999999999999999999999";

    private static readonly CallbackRequest Offer = new("CA1-offer-0", CallbackKind.Offer, "CA1", "+14162223344", "fr-CA", "br_1", null);

    [Fact]
    public void For_OriginCallKept_NothingTheCallerGaveIsAskedAgain()
    {
        var origin = new CallSession
        {
            CallSid = "CA1", BirthDate = new DateOnly(1945, 3, 12), Preferences = [new Preference(null, PartOfDay.Morning)], Person = 1, SlowSpeech = true,
        };

        var session = CallbackSessions.For(NewCall, Offer, origin);

        Assert.Equal((NewCall, "fr-CA", "+14162223344", "+14162223344", "br_1"), (session.CallSid, session.Locale, session.CallerId, session.CallbackNumber, session.RequestId));
        Assert.Equal((origin.BirthDate, 1, true), (session.BirthDate, session.Person, session.SlowSpeech));
        Assert.Equal(origin.Preferences, session.Preferences);
        Assert.Null(session.Handoff);
    }

    [Fact]
    public void For_AgentCallback_CarriesWhyTheyWantedAPerson()
    {
        var agent = Offer with { Kind = CallbackKind.Agent, Handoff = HandoffReason.BackendDown };

        Assert.Equal(HandoffReason.BackendDown, CallbackSessions.For(NewCall, agent, origin: null).Handoff);
        Assert.Equal(HandoffReason.CallbackToAgent, CallbackSessions.For(NewCall, agent with { Handoff = null }, origin: null).Handoff);
    }

    [Fact]
    public void Preamble_OfferHeld_IntroNotRepeatedGoodNewsSaid()
    {
        var said = CallbackSessions.Preamble(Lines("callback.intro", "callback.offer_ready"), new CallSession { CallSid = NewCall, State = CallState.Offer });

        Assert.Equal(["callback.offer_ready"], said.Select(l => l.Id));
    }

    [Fact]
    public void Preamble_OfferExpiredBeforeWeReachedThem_SaysItIsNoLongerHeld()
    {
        var said = CallbackSessions.Preamble(Lines("callback.intro", "callback.offer_ready"), new CallSession { CallSid = NewCall, State = CallState.Waiting });

        Assert.Equal(["offer.expired"], said.Select(l => l.Id));
    }

    [Fact]
    public void Preamble_HoldFailedAsExpired_SaysItOnce()
    {
        var said = CallbackSessions.Preamble(Lines("callback.intro", "callback.offer_ready", "offer.expired"), new CallSession { CallSid = NewCall, State = CallState.Waiting });

        Assert.Equal(["offer.expired"], said.Select(l => l.Id));
    }

    [Fact]
    public void Preamble_NoMoreOffers_NoGoodNews()
    {
        var said = CallbackSessions.Preamble(Lines("callback.intro", "callback.offer_ready", "offer.no_more"), new CallSession { CallSid = NewCall, State = CallState.Agent });

        Assert.Equal(["offer.no_more"], said.Select(l => l.Id));
    }

    private static Line[] Lines(params string[] ids) => [.. ids.Select(id => new Line(id, new Dictionary<string, PhoneBooking.Prompts.Speech.SpeechValue>()))];
}
