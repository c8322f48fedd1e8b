using PhoneBooking.IvrHost.Observability;

namespace PhoneBooking.IvrHost.Tests.Observability;

public sealed class TelemetryLabelTests
{
    [Theory]
    [InlineData("/voice/input", "/voice/input")]
    [InlineData("AskBirthDate", "AskBirthDate")]
    [InlineData("key 1 at turn 12", "key 1 at turn 12")]
    [InlineData("+14165550123", "[digits]")]
    [InlineData("callback +1 (416) 555-0123", "callback [digits]")]
    [InlineData("digits 19500323", "digits [digits]")]
    [InlineData("birth date 1950-03-23 confirmed", "birth date [digits] confirmed")]
    [InlineData("pin 5 6 7 8", "pin [digits]")]
    [InlineData(null, "none")]
    [InlineData("", "none")]
    public void Safe_BlanksDigitRunsAndKeepsNames(string? label, string expected)
    {
        Assert.Equal(expected, TelemetryLabel.Safe(label));
    }

    [Fact]
    public void Safe_LongLabel_IsCut()
    {
        Assert.Equal(120, TelemetryLabel.Safe(new string('a', 500)).Length);
    }
}
