using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.Softphone.Tests.Scripts;

public sealed class PhraseMatcherTests
{
    [Theory]
    [InlineData("Bienvenue, à la ligne de vaccination!", "bienvenue a la ligne")]
    [InlineData("Press 1 for English.", "PRESS 1 FOR english")]
    [InlineData("Your   date:\n12 March 1945", "your date 12 march")]
    public void IndexAfter_IgnoresCaseAccentsPunctuationAndSpacing(string heard, string phrase)
    {
        Assert.True(PhraseMatcher.IndexAfter(heard, phrase) > 0);
    }

    [Fact]
    public void IndexAfter_SearchesFromAPosition_SoOneUtteranceCanMatchStepsInOrder()
    {
        const string heard = "Press 1 to book. Press 2 to cancel.";
        var first = PhraseMatcher.IndexAfter(heard, "press 2");

        Assert.True(first > 0);
        Assert.Equal(-1, PhraseMatcher.IndexAfter(heard, "press 1", first));
        Assert.Equal(-1, PhraseMatcher.IndexAfter(heard, "press 3"));
    }
}
