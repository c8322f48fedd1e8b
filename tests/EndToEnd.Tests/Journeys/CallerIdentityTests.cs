using PhoneBooking.EndToEnd.Tests.Calls;

namespace PhoneBooking.EndToEnd.Tests.Journeys;

/// <summary>
/// Caller ID is a hint, not identity (issue 12): the attack is a call from the victim's number guessing
/// the birth date; the refusal is that nothing of the victim's request is said, nothing is promised, and
/// the request can no longer be continued by phone — not even with the right birth date.
/// </summary>
public sealed class CallerIdentityTests(JourneyBench bench) : IClassFixture<JourneyBench>
{
    [Fact]
    public async Task SpoofedCallerId_ThreeWrongBirthDates_NothingOfTheRequestSaid_AndItIsClosedToPhoneResumes()
    {
        var attack = await bench.RunAsync(JourneyCatalog.Named("spoofed-caller-id"));

        attack.Run.AssertPassedCleanly();
        var heard = attack.Run.Call.Heard();
        Assert.DoesNotContain("We have a time for you", heard, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmation code", heard, StringComparison.Ordinal);
        Assert.DoesNotContain("still in line", heard, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.HungUp, attack.Measure.Outcome.Kind); // no call back, no handoff, no booking

        var again = await bench.Line.CallAsync(Scripts.MainMenu().HangUp(), from: JourneyCatalog.Named("spoofed-caller-id").From!);

        again.AssertPassedCleanly();
        Assert.DoesNotContain(again.Call.Transcript.Heard, h => h.Contains("Welcome back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlainBooking_EveryPromptHeardToItsEnd_StillWithinIssue15sGoal()
    {
        var booking = await bench.RunAsync(JourneyCatalog.Named("plain-booking"));

        // A patient senior who never presses early hears every word of every prompt.
        var seconds = booking.Run.Call.Transcript.Spoken.Sum(s => s.Words) * 60.0 / JourneyMeasure.WordsPerMinute;
        Assert.True(seconds <= 150, $"{seconds:0} s of prompts in full");
    }
}
