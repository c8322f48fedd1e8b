using System.Globalization;
using PhoneBooking.EndToEnd.Tests.Hosting;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>The callers who do not book today: a group that opens later, a retirement home booking a visit.</summary>
public sealed class CallerPathTests(LineFixture line) : IClassFixture<LineFixture>
{
    [Fact]
    public async Task Ineligible_GroupOpensLater_ToldTheDateAndReminderSaved()
    {
        var opens = LineFixture.LaterGroupOpensOn;
        var spoken = $"{opens.ToString("MMMM", CultureInfo.GetCultureInfo("en-CA"))} {opens.Day}";

        var run = await line.CallAsync(Scripts.MainMenu()
            .Then(Scripts.BirthDate(LineFixture.LaterGroupBirthDate))
            .Expect("You cannot book yet. Your group can book starting")
            .Expect(spoken)
            .Expect("We can call you when your group can book. For that call, press 1")
            .Press("1")
            .Expect("We will call you at")
            .Expect("If that is right, press 1")
            .Press("1")
            .Expect("Done. We will call you on")
            .Expect(spoken)
            .Expect("Goodbye")
            .ExpectHangup(), from: "+16135550201");

        run.AssertPassedCleanly();
    }

    [Fact]
    public async Task GroupVisit_DemoFacility_ReferenceReadBack()
    {
        var visit = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(20);

        var run = await line.CallAsync(Scripts.MainMenu()
            .Press("3")
            .Expect("Enter your facility code. Then press pound.")
            .Press(LineFixture.FacilityCode + "#")
            .Expect("How many residents need a vaccine? Enter the number, then press pound.")
            .Press("40#")
            .Expect("If none, press 0, then pound.")
            .Press("12#")
            .Expect("residents, 40. Staff, 12.")
            .Expect("If that is right, press 1")
            .Press("1")
            .Expect("Enter a date you would like for the visit")
            .Expect("Then press pound")
            .Press(visit.ToString("MMdd", CultureInfo.InvariantCulture) + "#")
            .Expect("You chose")
            .Expect("If that is right, press 1")
            .Press("1")
            .Expect("If you are done, press 2")
            .Press("2")
            .Expect("We will call you at")
            .Expect("If that is right, press 1")
            .Press("1")
            .Expect("Last step. To send this request, enter your PIN. Then press pound.")
            .Press(LineFixture.FacilityPin + "#")
            .Expect($"Your request for {LineFixture.FacilityName}")
            .Expect("is sent. We will call you to confirm the visit.")
            .Expect("Your reference is")
            .Expect("To finish, press 2")
            .Finish("2"), from: "+16135550202");

        run.AssertPassedCleanly();
    }
}
