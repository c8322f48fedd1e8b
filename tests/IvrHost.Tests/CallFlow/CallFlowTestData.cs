using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

internal static class CallFlowTestData
{
    public static readonly CallContext Context = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 23), LineNumber: "+18005550199");

    public static readonly CallFlowMachine Machine = new(CallFlowDefinition.Build());

    /// <summary>Thursday November 24, 10 to 11 in the morning, at North York.</summary>
    public static readonly OfferInfo SampleOffer = new("of_1", "north-york", "North York Civic Centre",
        new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.FromHours(-5)), 10, null);

    public static readonly BookingInfo SampleBooking = new("48213907", "north-york", "North York Civic Centre", SampleOffer.WindowStart, SampleOffer.WindowEnd, Cancelled: false);

    /// <summary>A caller in English who chose the language, calling from a dialable number, at <paramref name="state"/>.</summary>
    public static CallSession At(CallState state, Func<CallSession, CallSession>? setup = null)
    {
        var session = new CallSession { CallSid = "CA0123456789abcdef0123456789abcdef", State = state, CallerId = "+14165550123", LanguageChosen = true };
        return setup is null ? session : setup(session);
    }

    /// <summary>Everything a step says, by prompt id.</summary>
    public static IReadOnlyList<string> Ids(this Step step) => [.. step.Say.Select(l => l.Id)];

    /// <summary>Keys pressed at a Gather, as Twilio posts them (a lone # included).</summary>
    public static Step Press(this CallSession session, string? keys) => Machine.Handle(session, CallInput.Of(keys), Context);

    public static Step Say(this CallSession session, string speech) => Machine.Handle(session, CallInput.Said(speech), Context);

    /// <summary>A typed entry as a caller types it: the first key alone, then the rest (ending with # when given).</summary>
    public static Step Type(this CallSession session, string keys)
    {
        if (Machine.Flow[session.State] is AskState { Entry.Secret: true })
        {
            return Machine.Handle(session, CallInput.Of(keys.TrimEnd('#') is { Length: > 0 } all ? all : "#"), Context);
        }

        var first = Machine.Handle(session, CallInput.Of(keys[..1]), Context);
        return first.Session.EntryStart is null ? first : Machine.Handle(first.Session, CallInput.Of(keys.Length > 1 ? keys[1..].TrimEnd('#') is { Length: > 0 } rest ? rest : "#" : null), Context);
    }

    public static Step Done(this Step step, Outcome outcome) => Machine.Complete(step, outcome, Context);
}
