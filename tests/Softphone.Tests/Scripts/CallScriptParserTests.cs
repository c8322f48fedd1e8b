using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.Softphone.Tests.Scripts;

public sealed class CallScriptParserTests
{
    [Fact]
    public void Parse_EveryStep_WithDurationsAndLineNumbers()
    {
        var script = CallScript.Parse("""
            # a senior books a dose
            expect "Welcome to the line" within 10s

            press 19450312#
            say "yes please"
            silence
            expect "goodbye" within 1.5m
            expect-hangup within 500ms
            hangup
            """);

        Assert.Equal(
            [
                new ExpectStep("Welcome to the line", TimeSpan.FromSeconds(10), 2),
                new PressStep("19450312#", 4),
                new SayStep("yes please", 0.9, 5),
                new SilenceStep(6),
                new ExpectStep("goodbye", TimeSpan.FromSeconds(90), 7),
                new ExpectHangupStep(TimeSpan.FromMilliseconds(500), 8),
                new HangUpStep(9),
            ],
            script.Steps);
    }

    [Fact]
    public void Parse_ExpectWithoutWithin_UsesTheDefaultLimit()
    {
        Assert.Equal(CallScript.DefaultWithin, Assert.IsType<ExpectStep>(Assert.Single(CallScript.Parse("expect \"hi\"").Steps)).Within);
    }

    [Theory]
    [InlineData("press 12a", "line 1")]
    [InlineData("expect hello", "line 1")]
    [InlineData("\nwhistle", "line 2")]
    [InlineData("expect \"x\" within soon", "'soon' is not a duration")]
    public void Parse_InvalidLine_SaysWhichLineAndWhy(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => CallScript.Parse(text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_ChainsStepsInOrder()
    {
        var script = CallScript.Empty.Expect("a").Press("1").Say("yes").Silence().ExpectHangup().HangUp();

        Assert.Equal([typeof(ExpectStep), typeof(PressStep), typeof(SayStep), typeof(SilenceStep), typeof(ExpectHangupStep), typeof(HangUpStep)], script.Steps.Select(s => s.GetType()));
    }
}
