using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

internal static class CallFlowTestData
{
    public static readonly CallContext Context = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 23));

    public static readonly CallFlowMachine Machine = new(CallFlowDefinition.Build());

    public static readonly OfferInfo SampleOffer = new("of_1", "north-york", "North York Civic Centre",
        new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.FromHours(-5)), 10, null);

    public static readonly BookingInfo SampleBooking = new("48213907", "north-york", "North York Civic Centre", SampleOffer.WindowStart, SampleOffer.WindowEnd, Cancelled: false);

    public static CallSession At(CallState state, Func<CallSession, CallSession>? setup = null)
    {
        var session = new CallSession { CallSid = "CA0123456789abcdef0123456789abcdef", State = state, CallerId = "+14165550123" };
        return setup is null ? session : setup(session);
    }
}
