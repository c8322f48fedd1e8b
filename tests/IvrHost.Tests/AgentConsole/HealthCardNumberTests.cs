using PhoneBooking.IvrHost.AgentConsole.Bookings;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

public sealed class HealthCardNumberTests
{
    [Theory]
    [InlineData("1234567890", "1234-567-890")]
    [InlineData("1234 567 890 ab", "1234-567-890-AB")]
    [InlineData(" 1234-567-890-XY ", "1234-567-890-XY")]
    public void Normalize_TypedShapes_Canonical(string typed, string expected) =>
        Assert.Equal(expected, HealthCardNumber.Normalize(typed));

    [Theory]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("12345678901")]
    [InlineData("1234567890ABC")]
    [InlineData("abcd-efg-hij")]
    public void Normalize_NotAHealthCardNumber_Null(string typed) =>
        Assert.Null(HealthCardNumber.Normalize(typed));

    [Theory]
    [InlineData("1234-567-890-AB", "••••-•••-890-AB")]
    [InlineData("1234-567-890", "••••-•••-890")]
    public void Mask_KeepsTheLastThreeDigitsAndTheVersionOnly(string normalized, string expected) =>
        Assert.Equal(expected, HealthCardNumber.Mask(normalized));
}
