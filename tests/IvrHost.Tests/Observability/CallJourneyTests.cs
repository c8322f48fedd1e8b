using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Observability;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Observability;

/// <summary>How a call ended, as the booking journey SLO counts it: only a booking call hung up in the middle is a dead end.</summary>
public sealed class CallJourneyTests
{
    private static readonly CallSession Call = new() { CallSid = "CA00000000000000000000000000000001" };
    private static readonly BookingInfo Booking = new("K7P2Q9", "site-1", "the clinic", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), Cancelled: false);

    public static TheoryData<string, CallSession, string, string> Endings => new()
    {
        { "hung up at the language", Call, CallJourney.None, "abandoned" },
        { "hung up at the menu", Call with { State = CallState.MainMenu }, CallJourney.None, "abandoned" },
        { "pressed 0 at the menu", Call with { State = CallState.Agent, Handoff = HandoffReason.CallerAsked }, CallJourney.None, "agent" },
        { "voicemail", Call with { State = CallState.Voicemail }, CallJourney.None, "abandoned" },
        { "hung up at the birth date", Call with { State = CallState.BirthDate }, CallJourney.Booking, "abandoned" },
        { "hung up choosing a window", Call with { State = CallState.PreferenceDay, BirthDate = new DateOnly(1944, 5, 1) }, CallJourney.Booking, "abandoned" },
        { "booked", Call with { State = CallState.Goodbye, Booking = Booking, RequestId = "br_1" }, CallJourney.Booking, "booked" },
        { "hung up at the code read back", Call with { State = CallState.Booked, Booking = Booking, RequestId = "br_1" }, CallJourney.Booking, "booked" },
        { "callback saved", Call with { State = CallState.Goodbye, RequestId = "br_1", WantsCallback = true }, CallJourney.Booking, "callback" },
        { "hung up while waiting for the offer", Call with { State = CallState.Waiting, RequestId = "br_1" }, CallJourney.Booking, "callback" },
        { "deferred request saved", Call with { State = CallState.Goodbye, Purpose = Purpose.Deferred }, CallJourney.Booking, "callback" },
        { "reminder saved", Call with { State = CallState.Goodbye, Purpose = Purpose.Reminder }, CallJourney.Booking, "callback" },
        { "not eligible yet, told when", Call with { State = CallState.NotEligible, BirthDate = new DateOnly(1990, 1, 1) }, CallJourney.Booking, "answered" },
        { "already has a request", Call with { State = CallState.AlreadyRequested, BirthDate = new DateOnly(1944, 5, 1) }, CallJourney.Booking, "answered" },
        { "backend failed, to a person", Call with { State = CallState.Agent, Handoff = HandoffReason.BackendFailed, BirthDate = new DateOnly(1944, 5, 1) }, CallJourney.Booking, "agent" },
        { "booking cancelled", Call with { State = CallState.ManageDone, Purpose = Purpose.Manage, Booking = Booking with { Cancelled = true } }, CallJourney.Manage, "answered" },
        { "hung up at the code", Call with { State = CallState.ManageCode, Purpose = Purpose.Manage }, CallJourney.Manage, "abandoned" },
        { "group visit submitted", Call with { State = CallState.GroupSubmitted, Purpose = Purpose.GroupVisit, GroupReference = "GV-1" }, CallJourney.GroupVisit, "booked" },
        { "hung up at the residents", Call with { State = CallState.Residents, Purpose = Purpose.GroupVisit }, CallJourney.GroupVisit, "abandoned" },
    };

    [Theory]
    [MemberData(nameof(Endings))]
    public void Of_EndedCall_IsItsJourneyAndOutcome(string ending, CallSession session, string journey, string outcome)
    {
        Assert.True((journey, outcome) == CallJourney.Of(session), $"{ending}: {CallJourney.Of(session)}");
    }

    [Fact]
    public async Task StatusCallback_CountsTheJourneyOnce_EvenWhenTwilioSendsItTwice()
    {
        using var line = new IvrHostFactory();
        using var metrics = new GaugeReader(line.Services.GetRequiredService<IMeterFactory>(), IvrMetrics.MeterName);
        var call = new SignedWebhooks(line.CreateClient(), SignedWebhooks.NewCallSid());
        await call.DialAsync();

        foreach (var _ in new[] { 1, 2 })
        {
            using var status = await call.PostAsync("/voice/status", call.Fields(("CallStatus", "completed"), ("CallDuration", "12")));
            status.EnsureSuccessStatusCode();
        }

        Assert.Equal([1], metrics.Recorded("phonebooking.ivr.journeys"));
        Assert.Equal([1, 1], metrics.Recorded("phonebooking.ivr.calls.completed"));
        Assert.Equal(
            [new KeyValuePair<string, string?>("journey", "none"), new("outcome", "abandoned")],
            metrics.RecordedTags("phonebooking.ivr.journeys").Single().OrderBy(t => t.Key));
    }
}
