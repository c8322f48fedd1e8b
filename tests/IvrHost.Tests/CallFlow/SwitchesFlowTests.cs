using PhoneBooking.IvrHost.CallFlow;
using static PhoneBooking.IvrHost.Tests.CallFlow.CallFlowTestData;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

/// <summary>
/// A feature a supervisor turned off is part of the step's input (<see cref="CallContext.Switches"/>): the
/// caller who chooses it hears why not and gets the next best thing, and everything else works as before.
/// </summary>
public sealed class SwitchesFlowTests
{
    private static CallContext Off(params LineFeature[] features) => Context with { Switches = new LineSwitches(features.ToHashSet()) };

    private static Step Press(CallSession session, string keys, CallContext context) => Machine.Handle(session, CallInput.Of(keys), context);

    [Fact]
    public void NewBookingsOff_PressingBook_SaysPausedAndTheMenuAgain_CheckingStillWorks()
    {
        var context = Off(LineFeature.NewBookings);

        var book = Press(At(CallState.MainMenu), "1", context);
        var check = Press(book.Session, "2", context);

        Assert.Equal(CallState.MainMenu, book.Session.State);
        Assert.Equal(["switch.new_bookings_paused", "menu.main"], book.Ids());
        Assert.Equal(0, book.Session.Failures); // not the caller's mistake
        Assert.Equal(CallState.ManageCode, check.Session.State);
    }

    [Fact]
    public void NewBookingsOff_EveryOtherWayToANewBooking_IsClosedToo()
    {
        var context = Off(LineFeature.NewBookings);

        var afterCancel = Press(At(CallState.ManageDone, s => s with { Purpose = Purpose.Manage, BirthDate = new DateOnly(1950, 3, 23) }), "1", context);
        var household = Press(At(CallState.Booked, s => s with { Booking = SampleBooking, RequestId = "br_1" }), "3", context);
        var deferred = Press(At(CallState.SystemDown), "1", context);

        Assert.Equal((CallState.Goodbye, "switch.new_bookings_paused"), (afterCancel.Session.State, afterCancel.Ids()[0]));
        Assert.Equal((CallState.Booked, "switch.new_bookings_paused"), (household.Session.State, household.Ids()[0]));
        Assert.Equal((CallState.Agent, HandoffReason.BackendDown), (deferred.Session.State, deferred.Session.Handoff));
        Assert.Equal(["switch.new_bookings_paused", "agent.transfer"], deferred.Ids());
    }

    [Fact]
    public void GroupVisitsOff_PressingThree_SaysPausedAndTheMenuAgain_BookingStillWorks()
    {
        var context = Off(LineFeature.GroupVisits);

        var visit = Press(At(CallState.MainMenu), "3", context);
        var book = Press(visit.Session, "1", context);

        Assert.Equal(["switch.group_visits_paused", "menu.main"], visit.Ids());
        Assert.Equal(CallState.BirthDate, book.Session.State);
    }

    [Fact]
    public void CallbacksOff_CallBackChosen_TheCallerWaitsOnTheLineInstead()
    {
        var context = Off(LineFeature.Callbacks);
        var ready = At(CallState.WaitChoice, s => s with { BirthDate = new DateOnly(1950, 3, 23), Preferences = [new Preference(null, PartOfDay.Any)] });

        var choice = Press(ready, "2", context);
        var waiting = Press(At(CallState.Waiting, s => s with { RequestId = "br_1" }), "2", context);

        Assert.False(choice.Session.WantsCallback);
        Assert.Equal("switch.callbacks_paused", choice.Ids()[0]);
        Assert.NotEqual(CallState.ChoosePhone, choice.Session.State);
        Assert.Equal(CallState.Waiting, waiting.Session.State);
        Assert.Equal("switch.callbacks_paused", waiting.Ids()[0]);
    }

    [Fact]
    public void CallbacksOff_NoReminderCallAndNoSavedRequest_ButAPersonOrGoodbye()
    {
        var context = Off(LineFeature.Callbacks);

        var reminder = Press(At(CallState.NotEligible, s => s with { GroupOpensOn = new DateOnly(2026, 12, 1) }), "1", context);
        var later = Press(At(CallState.NoDateYet), "1", context);
        var deferred = Press(At(CallState.SystemDown), "1", context);

        Assert.Equal((CallState.Goodbye, Purpose.Book), (reminder.Session.State, reminder.Session.Purpose));
        Assert.Equal(["switch.callbacks_paused", "goodbye"], reminder.Ids());
        Assert.Equal(CallState.Goodbye, later.Session.State);
        Assert.Equal(CallState.Agent, deferred.Session.State);
        Assert.Equal(["switch.callbacks_paused", "agent.transfer"], deferred.Ids());
    }

    [Fact]
    public void TextsOff_AskingForTheText_ReadsTheCodeAgainInstead()
    {
        var booked = At(CallState.Booked, s => s with { Booking = SampleBooking, RequestId = "br_1" });

        var step = Press(booked, "2", Off(LineFeature.Texts));

        Assert.Equal(CallState.Booked, step.Session.State);
        Assert.False(step.NeedsWork); // no text is sent
        Assert.Equal(["switch.texts_paused", "booking.code"], step.Ids().Take(2));
    }

    [Fact]
    public void AllOn_EveryChoiceGoesWhereItAlwaysWent()
    {
        Assert.Equal(CallState.BirthDate, Press(At(CallState.MainMenu), "1", Off()).Session.State);
        Assert.Equal(CallState.FacilityCode, Press(At(CallState.MainMenu), "3", Off()).Session.State);
        Assert.Equal(CallState.SendSms, Press(At(CallState.Booked, s => s with { Booking = SampleBooking }), "2", Off()).Session.State);
        Assert.True(Press(At(CallState.WaitChoice), "2", Off()).Session.WantsCallback);
    }
}
