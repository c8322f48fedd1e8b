namespace PhoneBooking.SchedulingClient.Tests;

public sealed class IdempotencyKeyParseTests
{
    [Fact]
    public void Parse_AKeyWrittenToStorage_ReadsBackTheSameKey()
    {
        var key = IdempotencyKey.For("phone", "CA0123456789abcdef0123456789abcdef", "submit", "person-0");

        Assert.Equal(key, IdempotencyKey.Parse(key.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("phone:submit")]
    [InlineData("phone:submit:0123456789abcdef0123456789abcde")]
    [InlineData("phone:submit:0123456789abcdef0123456789abcdeF")]
    [InlineData("Phone:submit:0123456789abcdef0123456789abcdef")]
    [InlineData("phone::0123456789abcdef0123456789abcdef")]
    [InlineData("phone:submit:0123456789abcdef0123456789abcdef:x")]
    public void TryParse_NotTheShapeForMakes_IsRefused(string? value)
    {
        Assert.False(IdempotencyKey.TryParse(value, out _));
        if (value is not null)
        {
            Assert.Throws<FormatException>(() => IdempotencyKey.Parse(value));
        }
    }
}
