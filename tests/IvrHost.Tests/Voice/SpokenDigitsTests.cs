using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.Tests.Voice;

public sealed class SpokenDigitsTests
{
    [Theory]
    [InlineData("1950 03 05", "19500305")]
    [InlineData("one nine five zero zero three zero five", "19500305")]
    [InlineData("un neuf cinq zéro", "1950")]
    [InlineData("March 5th 1950", "19500305")]
    [InlineData("march 5, 1950", "19500305")]
    [InlineData("5 March 1950", "19500305")]
    [InlineData("le 5 mars 1950", "19500305")]
    [InlineData("1950, March 5", "19500305")]
    public void ToKeys_SpokenDigitsOrDate_BecomesKeys(string speech, string expected)
    {
        Assert.Equal(expected, SpokenDigits.ToKeys(speech));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("I don't know")]
    [InlineData("March 1950")]
    [InlineData("banana 12")]
    public void ToKeys_AnythingElse_IsNothing(string speech)
    {
        Assert.Null(SpokenDigits.ToKeys(speech));
    }
}
