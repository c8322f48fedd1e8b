using PhoneBooking.Prompts.Speech;

namespace PhoneBooking.Prompts.Tests.Speech;

public sealed class SpokenValueTests
{
    [Fact]
    public void Text_ControlCharactersAndRunsOfSpace_BecomeSingleSpaces() =>
        Assert.Equal("Lines are busy. Please wait.", SpeechValue.Text("  Lines\tare busy.\u0007\r\n\r\n Please\u0000 wait.  ").Value);

    [Fact]
    public void Text_Markup_IsKeptAsLiteralText() =>
        Assert.Equal("<break time=\"10s\"/> & more", SpeechValue.Text("<break time=\"10s\"/> & more").Value);

    [Fact]
    public void Text_TooLong_IsCutAtAWord()
    {
        var text = SpeechValue.Text(string.Join(' ', Enumerable.Repeat("closure", 100))).Value;

        Assert.True(text.Length <= SpokenText.MaxLength);
        Assert.EndsWith("closure", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t\u0001 ")]
    public void Text_NothingLeftToSay_Throws(string text) =>
        Assert.Throws<ArgumentException>(() => SpeechValue.Text(text));

    [Theory]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("été")]
    public void Code_WithoutAsciiLettersOrDigits_Throws(string code) =>
        Assert.Throws<ArgumentException>(() => SpeechValue.Code(code));

    [Theory]
    [InlineData("12")]
    [InlineData("1234567890123456")]
    public void Phone_ImplausibleLength_Throws(string number) =>
        Assert.Throws<ArgumentException>(() => SpeechValue.Phone(number));

    [Fact]
    public void Window_StartEqualsEnd_Throws() =>
        Assert.Throws<ArgumentException>(() => SpeechValue.Window(new TimeOnly(10, 0), new TimeOnly(10, 0)));

    [Fact]
    public void Window_FromApiOffsets_ReadsTheSitesWallClock()
    {
        var window = SpeechValue.Window(DateTimeOffset.Parse("2026-11-22T09:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-11-22T10:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new TimeOnly(9, 0), window.Start);
        Assert.Equal(new TimeOnly(10, 0), window.End);
    }

    [Fact]
    public void Rank_Zero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SpeechValue.Rank(0));
}
