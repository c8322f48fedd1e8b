using PhoneBooking.EndToEnd.Tests.Hosting;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Transcripts;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>What works at every prompt: the language, * to repeat, 9 to slow down, 0 for a person.</summary>
public sealed class PromptControlTests(LineFixture line) : IClassFixture<LineFixture>
{
    [Fact]
    public async Task French_Key2_EverythingAfterIsFrenchInAFrenchVoice()
    {
        var run = await line.CallAsync(CallScript.Empty
            .Expect("Bonjour. Vous êtes à la ligne de prise de rendez-vous pour la vaccination.")
            .Expect("Pour le français, faites le 2")
            .Press("2")
            .Expect("En tout temps, faites l'étoile pour réentendre")
            .Expect("Pour prendre rendez-vous, faites le 1")
            .Press("1")
            .Expect("Entrez votre date de naissance en 8 chiffres")
            .HangUp(), from: "+15145550301");

        run.AssertPassedCleanly();
        var beforeChoice = run.Call.Transcript.Heard.TakeWhile(h => !h.Contains("En tout temps", StringComparison.Ordinal)).ToList();
        Assert.Contains(beforeChoice, h => h.StartsWith("Bonjour", StringComparison.Ordinal) && h.Contains("[fr-CA", StringComparison.Ordinal));
        var afterChoice = run.Call.Transcript.Heard.SkipWhile(h => !h.Contains("En tout temps", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(afterChoice);
        Assert.All(afterChoice, heard => Assert.Contains("[fr-CA", heard, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Key9_AtTheMainMenu_SpeechSlowsFromThenOn()
    {
        var run = await line.CallAsync(Scripts.MainMenu()
            .Press("9")
            .Expect("All right. I will speak more slowly.")
            .Expect("To book a vaccine, press 1")
            .Press("1")
            .Expect("Please enter your date of birth")
            .HangUp(), from: "+16135550302");

        run.AssertPassedCleanly();
        var documents = run.Call.Documents();
        Assert.DoesNotContain("<prosody", documents[1], StringComparison.Ordinal);
        Assert.All(documents.Skip(2), d => Assert.Contains("<prosody rate=\"", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Star_AtTheMainMenu_MenuHeardAgain()
    {
        var run = await line.CallAsync(Scripts.MainMenu()
            .Press("*")
            .Expect("To book a vaccine, press 1")
            .HangUp(), from: "+16135550303");

        run.AssertPassedCleanly();
        Assert.Equal(2, run.Call.Transcript.Heard.Count(h => h.Contains("To book a vaccine, press 1", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.Call.Transcript.Heard, h => h.Contains("Sorry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Key0_AtTheBirthDatePrompt_JoinsTheAgentsQueue()
    {
        var run = await line.CallAsync(Scripts.MainMenu()
            .Press("1")
            .Expect("Please enter your date of birth")
            .Press("0")
            .Expect("Please hold. I am connecting you to a person.")
            .Expect("You are next in line")
            .HangUp(), from: "+16135550304");

        run.AssertPassedCleanly();
        Assert.Contains("<Enqueue", run.Call.Documents().Last(d => d.Contains("connecting you", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(run.Call.Transcript.Entries, e => e.Kind == TranscriptKind.Enqueue);
    }
}
