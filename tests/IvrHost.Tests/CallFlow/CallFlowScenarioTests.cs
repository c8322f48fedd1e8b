using PhoneBooking.IvrHost.CallFlow;
using static PhoneBooking.IvrHost.Tests.CallFlow.CallFlowTestData;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

/// <summary>Whole conversations through the machine alone, the host's work played by the test.</summary>
public sealed class CallFlowScenarioTests
{
    private CallSession _session = Machine.Start(new CallSession { CallSid = "CAscenario", CallerId = "+14165550123" }, CallEntry.NewCaller).Session;

    [Fact]
    public void Booking_FromLanguageToConfirmationCode_CollectsEverythingOnce()
    {
        Press("1"); // English
        Press("1"); // book
        Press("19500305");
        Press("1"); // birth date right
        Assert.Equal(CallState.CheckEligibility, _session.State);
        Done(new EligibilityChecked(true, new DateOnly(2026, 11, 1)));
        Press("2"); // choose a date
        Press("1203");
        Press("1"); // morning
        Press("1"); // another
        Press("1"); // earliest day
        Press("4"); // any time
        Press("2"); // done
        Assert.Equal(CallState.ConfirmPhone, _session.State);
        Press("1"); // caller ID is right
        Assert.Equal(CallState.SubmitRequest, _session.State);
        Done(new RequestSubmitted("br_1", 4));
        Press("1"); // wait on the line
        Press(null); // hold loop times out: poll
        Done(new StatusChecked(RequestProgress.Waiting, 2, null, null));
        Press(null);
        Done(new StatusChecked(RequestProgress.Offered, null, SampleOffer, null));
        Assert.Equal(CallState.StartHold, _session.State);
        Done(new HoldStarted(SampleOffer with { ExpiresAt = Context.Now.AddMinutes(10) }));
        Press("1"); // accept
        Done(new OfferAccepted(SampleBooking));

        Assert.Equal(CallState.Booked, _session.State);
        Assert.Equal(new DateOnly(1950, 3, 5), _session.BirthDate);
        Assert.Equal([new Preference(new DateOnly(2026, 12, 3), PartOfDay.Morning), new Preference(null, PartOfDay.Any)], _session.Preferences);
        Assert.Equal("+14165550123", _session.CallbackNumber);
        Assert.Equal("48213907", _session.Booking?.ConfirmationCode);
    }

    [Fact]
    public void Household_SecondPerson_KeepsPhoneAndTimesAndAsksOnlyTheBirthDate()
    {
        _session = _session with
        {
            State = CallState.Booked,
            Locale = "fr-CA",
            BirthDate = new DateOnly(1950, 3, 5),
            Preferences = [new Preference(null, PartOfDay.Morning)],
            CallbackNumber = "+14165550123",
            RequestId = "br_1",
            Booking = SampleBooking,
        };

        Press("3");
        Assert.Equal(CallState.BirthDate, _session.State);
        Assert.Null(_session.BirthDate);
        Press("19520101");
        Press("1");
        Done(new EligibilityChecked(true, null));
        Assert.Equal(CallState.SamePreferences, _session.State);
        Press("1");

        Assert.Equal(CallState.SubmitRequest, _session.State);
        Assert.Equal(1, _session.Person);
        Assert.Equal("fr-CA", _session.Locale);
        Assert.Equal("+14165550123", _session.CallbackNumber);
        Assert.Null(_session.RequestId);
    }

    [Fact]
    public void NotEligible_ReminderToTypedNumber_IsSavedForWhenTheGroupOpens()
    {
        _session = _session with { CallerId = null, State = CallState.CheckEligibility, BirthDate = new DateOnly(1990, 1, 1) };

        Done(new EligibilityChecked(false, new DateOnly(2027, 1, 15)));
        Press("1");
        Assert.Equal(CallState.EnterPhone, _session.State);
        Press("6135550199");
        Press("1");

        Assert.Equal(CallState.SaveReminder, _session.State);
        Assert.Equal("+16135550199", _session.CallbackNumber);
        Assert.Equal(new DateOnly(2027, 1, 15), _session.GroupOpensOn);
    }

    private void Press(string? keys) => _session = Machine.Handle(_session, CallInput.Of(keys), Context).Session;

    private void Done(Outcome outcome) => _session = Machine.Complete(_session, outcome, Context).Session;
}
