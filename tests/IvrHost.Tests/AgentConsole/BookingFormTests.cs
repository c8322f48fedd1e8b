using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using Api = PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

public sealed class BookingFormTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string[] Languages = ["en-CA", "fr-CA"];

    [Fact]
    public void For_Handoff_PrefillsWhatTheCallerGave_AndPadsThePreferenceRows()
    {
        var details = new HandoffDetails(new DateOnly(1950, 3, 23), [new Preference(new DateOnly(2026, 11, 24), PartOfDay.Morning)], "+14165550123", null, null, null, null, null, []);
        var handoff = new Handoff("h1", "CA1", HandoffReason.CallerAsked, CallState.ConfirmBirthDate, "fr-CA", DateTimeOffset.UnixEpoch, details);

        var form = BookingForm.For(handoff);

        Assert.Equal((new DateOnly(1950, 3, 23), "+14165550123", "fr-CA"), (form.BirthDate, form.ContactPhone, form.Language));
        Assert.Equal(BookingForm.Rows, form.Preferences.Count);
        Assert.Equal((new DateOnly(2026, 11, 24), "morning"), (form.Preferences[0].Date, form.Preferences[0].PartOfDay));
    }

    [Fact]
    public void Validate_Complete_IsTheAgentsSubmission_HeldOnDelivery()
    {
        var form = new BookingForm
        {
            BirthDate = new DateOnly(1950, 3, 23),
            Name = " Ada Lovelace ",
            HealthCard = "1234 567 890 ab",
            ContactPhone = "(416) 555-0123",
            Language = "FR-ca",
            Preferences = [new() { PartOfDay = "afternoon", Date = Today.AddDays(2) }, new() { PartOfDay = "" }, new() { PartOfDay = "any" }],
        };

        var (submission, masked, errors) = form.Validate(Today, Languages);

        Assert.Empty(errors);
        Assert.Equal("••••-•••-890-AB", masked);
        Assert.Equal(new Api.Person(new DateOnly(1950, 3, 23), "Ada Lovelace", "1234-567-890-AB", "fr-CA"), submission!.Person);
        Assert.Equal((Api.Channel.Agent, Api.HoldStart.OnDelivery, "+14165550123"), (submission.Channel, submission.HoldStart, submission.ContactPhone));
        Assert.Equal([new Api.Preference(Api.PartOfDay.Afternoon, Today.AddDays(2)), new Api.Preference(Api.PartOfDay.Any)], submission.Preferences);
    }

    [Fact]
    public void Validate_Problems_NamedByField_NoSubmission()
    {
        var form = new BookingForm
        {
            BirthDate = Today.AddDays(1),
            HealthCard = "12",
            ContactPhone = "555",
            Language = "de-DE",
            Preferences = [new() { PartOfDay = "morning", Date = Today.AddDays(-1) }, new() { PartOfDay = "brunch" }],
        };

        var (submission, _, errors) = form.Validate(Today, Languages);

        Assert.Null(submission);
        Assert.Equal(["BirthDate", "ContactPhone", "HealthCard", "Language", "Preferences[0].Date", "Preferences[1].PartOfDay"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_NoPreference_AsksForOne()
    {
        var form = new BookingForm { BirthDate = new DateOnly(1950, 1, 1), ContactPhone = "+14165550123", Language = "en-CA", Preferences = [new(), new()] };

        var (_, _, errors) = form.Validate(Today, Languages);

        Assert.Equal(["Preferences[0].PartOfDay"], errors.Keys);
    }
}
