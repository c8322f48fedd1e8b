using PhoneBooking.Softphone.Cli;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Cli;

/// <summary>`softphone script …` through the command line's entry point, as a developer types it.</summary>
public sealed class ScriptCommandTests : EngineTest, IDisposable
{
    private readonly string _script = Path.Combine(Path.GetTempPath(), $"softphone-{Guid.NewGuid():N}.script");

    [Fact]
    public async Task Script_WithUrl_DialsThatLineAndPasses()
    {
        Line.Twiml("/voice", Response("<Say>You have reached the vaccine booking line.</Say>"));
        File.WriteAllText(_script, "expect \"vaccine booking line\" within 15s\nhangup\n");

        var (exit, output) = await RunAsync("script", _script, "--url", Line.Url("/voice").ToString());

        Assert.True(exit == 0, output);
        Assert.Contains("script passed", output, StringComparison.Ordinal);
        Assert.Single(Line.To("/voice"));
    }

    [Fact]
    public async Task Script_WithStatusCallbackAndFallbackUrls_UsesBoth()
    {
        Line.Respond("/voice", "text/xml", "not TwiML");
        Line.Twiml("/fallback", Response("<Say>Sorry, the line is resting.</Say>"));
        Line.Respond("/status", null, "", 204);
        File.WriteAllText(_script, "expect \"the line is resting\"\n");

        var (exit, output) = await RunAsync(
            "script", _script, "--url", Line.Url("/voice").ToString(), "--fallback-url", Line.Url("/fallback").ToString(), "--status-callback", Line.Url("/status").ToString());

        Assert.True(exit == 0, output);
        Assert.Equal("12100", Assert.Single(Line.To("/fallback"))["ErrorCode"]);
        Assert.Equal("completed", Assert.Single(Line.To("/status"))["CallStatus"]);
    }

    [Theory]
    [InlineData("voice")]
    [InlineData("ftp://127.0.0.1/voice")]
    public async Task Script_WithAUrlTwilioWouldRefuse_SaysWhichAndDialsNothing(string url)
    {
        File.WriteAllText(_script, "hangup\n");

        var (exit, output) = await RunAsync("script", _script, "--url", url);

        Assert.Equal(1, exit);
        Assert.Contains($"'{url}' is not an absolute http or https URL", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.Empty(Line.Requests);
    }

    public void Dispose() => File.Delete(_script);

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await SoftphoneCli.RunAsync(args, output);
        return (exit, output.ToString());
    }
}
