namespace PhoneBooking.SchedulingClient.Tests;

public sealed class IdempotencyKeyTests
{
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";

    [Fact]
    public void For_SameOperation_IsTheSameKeyEveryTime()
    {
        Assert.Equal(IdempotencyKey.For("phone", CallSid, "submit"), IdempotencyKey.For("phone", CallSid, "submit"));
    }

    [Fact]
    public void For_AnyPartDiffers_IsAnotherKey()
    {
        var keys = new[]
        {
            IdempotencyKey.For("phone", CallSid, "submit"),
            IdempotencyKey.For("agent", CallSid, "submit"),
            IdempotencyKey.For("phone", CallSid + "x", "submit"),
            IdempotencyKey.For("phone", CallSid, "submit-2"),
            IdempotencyKey.For("phone", CallSid, "accept", "of_1"),
            IdempotencyKey.For("phone", CallSid, "accept", "of_2"),

            // Length-prefixed parts: moving a character across a boundary is another operation.
            IdempotencyKey.For("phone", CallSid, "accept", "of_1", "x"),
            IdempotencyKey.For("phone", CallSid, "accept", "of_1x"),
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Value_IsReadableShortAsciiAndHidesTheConversationId()
    {
        var key = IdempotencyKey.For("phone", CallSid, "submit").Value;

        Assert.Matches("^phone:submit:[0-9a-f]{32}$", key);
        Assert.DoesNotContain(CallSid, key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Phone", "submit")]
    [InlineData("phone", "sub mit")]
    [InlineData("", "submit")]
    [InlineData("phone", "")]
    public void For_OriginOrStepNotASlug_Throws(string origin, string step)
    {
        Assert.ThrowsAny<ArgumentException>(() => IdempotencyKey.For(origin, CallSid, step));
    }
}
