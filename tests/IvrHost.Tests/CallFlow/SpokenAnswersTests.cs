using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

public sealed class SpokenAnswersTests
{
    [Theory]
    [InlineData("1950 03 05", "19500305")]
    [InlineData("one nine five zero zero three zero five", "19500305")]
    [InlineData("un neuf cinq zéro", "1950")]
    [InlineData("4 1 6.", "416")]
    public void Digits_SpokenDigits_BecomeKeys(string speech, string expected)
    {
        Assert.Equal(expected, SpokenAnswers.Digits(speech));
    }

    [Theory]
    [InlineData("March 5th 1950", "en-CA", "19500305")]
    [InlineData("march 5, 1950", "en-CA", "19500305")]
    [InlineData("5 March 1950", "en-CA", "19500305")]
    [InlineData("le 5 mars 1950", "fr-CA", "19500305")]
    [InlineData("le premier mars 1950", "fr-CA", "19500301")]
    [InlineData("1950, March 5", "en-CA", "19500305")]
    [InlineData("3/23/1950", "en-CA", "19500323")]
    [InlineData("23/3/1950", "en-CA", "19500323")]
    [InlineData("3/5/1950", "en-CA", "19500305")]
    [InlineData("3/5/1950", "fr-CA", "19500503")]
    [InlineData("1950-03-23", "fr-CA", "19500323")]
    public void FullDate_HowSpeechIsTranscribed_BecomesYearMonthDay(string speech, string locale, string expected)
    {
        Assert.Equal(expected, SpokenAnswers.FullDate(speech, locale));
    }

    [Theory]
    [InlineData("December 3rd", false, "1203")]
    [InlineData("le 3 décembre", true, "0312")]
    [InlineData("12/3", false, "1203")]
    [InlineData("3/12", true, "0312")]
    public void MonthDay_InTheCallersOrder(string speech, bool dayFirst, string expected)
    {
        Assert.Equal(expected, SpokenAnswers.MonthDay(speech, dayFirst));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("I don't know")]
    [InlineData("March 1950")]
    [InlineData("banana 12")]
    public void FullDateAndDigits_AnythingElse_IsNothing(string speech)
    {
        Assert.Null(SpokenAnswers.FullDate(speech, "en-CA") ?? SpokenAnswers.Digits(speech));
    }

    [Theory]
    [InlineData("One.", "1")]
    [InlineData("yes", "1")]
    [InlineData("Yes, that's right.", "1")]
    [InlineData("Oui", "1")]
    [InlineData("c'est ça", "1")]
    [InlineData("no", "2")]
    [InlineData("Non.", "2")]
    [InlineData("deux", "2")]
    [InlineData("agent", "0")]
    [InlineData("Je veux parler à quelqu'un", "0")]
    [InlineData("I want to talk to a person please", "0")]
    [InlineData("quelqu'un", "0")]
    [InlineData("repeat", "*")]
    [InlineData("maybe", null)]
    public void MenuKey_AConfirmMenu_YesNoDigitsAndSharedWords(string speech, string? expected)
    {
        Assert.Equal(expected, SpokenAnswers.MenuKey(speech, [("1", SpokenAnswers.Yes), ("2", SpokenAnswers.No)]));
    }
}
