using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Observability;

/// <summary>
/// What a call was for and how it ended, read from its session when Twilio says it is over: the
/// booking journey SLO (docs/slo.md) counts booking calls that ended <c>abandoned</c>, in the middle,
/// against those that reached something (<c>booked</c>, <c>callback</c>, <c>answered</c>, <c>agent</c>).
/// </summary>
public static class CallJourney
{
    public const string Booking = "booking";
    public const string Manage = "manage";
    public const string GroupVisit = "group-visit";

    /// <summary>The caller never chose (hung up at the language or the menu, a voicemail, a person before choosing).</summary>
    public const string None = "none";

    public static (string Journey, string Outcome) Of(CallSession? session)
    {
        if (session is null)
        {
            return (None, "abandoned");
        }

        var journey = JourneyOf(session);
        return (journey, OutcomeOf(session, journey));
    }

    private static string JourneyOf(CallSession s) => s.Purpose switch
    {
        Purpose.Manage => Manage,
        Purpose.GroupVisit => GroupVisit,
        Purpose.Reminder or Purpose.Deferred or Purpose.Resume => Booking,

        // Book is also the purpose before any choice: a booking call is one that reached the booking questions.
        _ => s.BirthDate is not null || s.RequestId is not null || s.Booking is not null || s.State is >= CallState.BirthDate and <= CallState.SendSms ? Booking : None,
    };

    private static string OutcomeOf(CallSession s, string journey)
    {
        if (s.Handoff is not null || s.State == CallState.Agent)
        {
            return "agent";
        }

        return journey switch
        {
            Booking when s.Booking is { Cancelled: false } => "booked",

            // A request in the queue (the offer comes by callback or on the line), a reminder or a deferred request saved.
            Booking when s.RequestId is not null || s.State == CallState.OfferKept
                || (s.State == CallState.Goodbye && s.Purpose is Purpose.Reminder or Purpose.Deferred) => "callback",
            Booking when s.State is CallState.NotEligible or CallState.NoDateYet or CallState.AlreadyRequested
                or CallState.ResumeStatus or CallState.RefuseResume or CallState.Goodbye => "answered",
            GroupVisit when s.GroupReference is not null => "booked",
            Manage when s.Booking is not null || s.State is CallState.ManageDone or CallState.Goodbye => "answered",
            _ => "abandoned",
        };
    }
}
