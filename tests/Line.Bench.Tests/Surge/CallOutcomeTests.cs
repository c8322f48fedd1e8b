using PhoneBooking.Line.Bench.Surge;

namespace PhoneBooking.Line.Bench.Tests.Surge;

public class CallOutcomeTests
{
    [Fact]
    public void Classify_BookingReadBack_FinishedAndBooked()
    {
        var outcome = CallOutcome.Classify(JourneyKind.Booking, ["It is booked.", "Please have a pen ready. Your confirmation code is 1 2 3 4 5 6 7 8."], deferred: false, scriptPassed: true, twilioErrors: false, []);

        Assert.True(outcome.Finished);
        Assert.True(outcome.Booked);
        Assert.False(outcome.HandedOff);
    }

    [Fact]
    public void Classify_ProblemHandoffMidBooking_HandedOffNotFinished()
    {
        var outcome = CallOutcome.Classify(JourneyKind.Booking, ["We are sorry.", "Please hold. I am connecting you to a person."], deferred: false, scriptPassed: false, twilioErrors: false, []);

        Assert.False(outcome.Finished);
        Assert.True(outcome.HandedOff);
    }

    [Fact]
    public void Classify_ScriptPassedButTwilioLoggedAnError_NotFinished()
    {
        Assert.False(CallOutcome.Classify(JourneyKind.Booking, [], deferred: false, scriptPassed: true, twilioErrors: true, []).Finished);
    }

    [Fact]
    public void Classify_VeryBusyThenCallbackTaken_DeferredOfferedAndQueued()
    {
        var outcome = CallOutcome.Classify(JourneyKind.Booking, ["Our line is very busy right now.", "We can call you back at 613 555 0001. If that is right, press 1.", "Done."], deferred: true, scriptPassed: true, twilioErrors: false, []);

        Assert.True(outcome.Deferred);
        Assert.True(outcome.CallbackOffered);
        Assert.True(outcome.CallbackQueued);
        Assert.False(outcome.Finished);
    }

    [Fact]
    public void Classify_VeryBusyAndGoodbye_DeferredWithNoCallback()
    {
        var outcome = CallOutcome.Classify(JourneyKind.Booking, ["Our line is very busy. Please call again later. Goodbye."], deferred: true, scriptPassed: false, twilioErrors: false, []);

        Assert.True(outcome.Deferred);
        Assert.False(outcome.CallbackOffered);
        Assert.False(outcome.CallbackQueued);
    }

    [Fact]
    public void ReadBack_CodeReadOutDigitByDigit_EightDigits()
    {
        Assert.Equal("48213907", BookedCodes.ReadBack(["It is booked.", "Please have a pen ready. Your confirmation code is 4 8 2 1 3 9 0 7. To hear it again, press 1."]));
        Assert.Null(BookedCodes.ReadBack(["Your confirmation code is 4 8 2."]));
    }
}
