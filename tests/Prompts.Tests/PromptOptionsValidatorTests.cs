namespace PhoneBooking.Prompts.Tests;

public sealed class PromptOptionsValidatorTests
{
    private readonly PromptOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(_validator.Validate(null, new PromptOptions()).Succeeded);

    [Theory]
    [InlineData("Polly.Joanna", "en-CA", "voice 'Polly.Joanna' speaks en-US, but Language is 'en-CA'")]
    [InlineData("Google.fr-CA-Neural2-A", "fr-FR", "voice 'Google.fr-CA-Neural2-A' speaks fr-CA, but Language is 'fr-FR'")]
    [InlineData("Joanna", "en-US", "Name 'Joanna' is not a Twilio voice")]
    [InlineData("Polly.Gabrielle-Neural", "québécois", "Language 'québécois' is not a language")]
    public void Validate_BadVoice_FailsQuotingIt(string name, string language, string expected)
    {
        var options = new PromptOptions();
        options.Voices["fr-CA"] = new PromptVoice { Name = name, Language = language };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal) && f.Contains("Prompts:Voices:fr-CA", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GoogleVoiceWithItsOwnLanguage_Succeeds()
    {
        var options = new PromptOptions();
        options.Voices["fr-CA"] = new PromptVoice { Name = "Google.fr-CA-Neural2-A", Language = "fr-CA" };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("ftp://files.example.org/audio", "Prompts:AudioBaseUrl 'ftp://files.example.org/audio'")]
    [InlineData("audio", "Prompts:AudioBaseUrl 'audio'")]
    public void Validate_AudioBaseUrlNeitherHttpNorRooted_Fails(string url, string expected)
    {
        var result = _validator.Validate(null, new PromptOptions { AudioBaseUrl = url });

        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingDirectory_FailsShowingWhereItLooked()
    {
        var result = _validator.Validate(null, new PromptOptions { Directory = "no-such-prompts" });

        Assert.Contains(result.Failures!, f => f.Contains("'no-such-prompts' does not exist", StringComparison.Ordinal) && f.Contains(AppContext.BaseDirectory, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(100, 40)]
    [InlineData(60, 50)]
    public void Validate_SlowRateNotSlowerThanNormal_Fails(int normal, int slow)
    {
        var result = _validator.Validate(null, new PromptOptions { NormalRatePercent = normal, SlowRatePercent = slow });

        Assert.True(result.Failed);
    }

    [Fact]
    public void Validate_UnknownDefaultLocale_Fails() =>
        Assert.Contains(_validator.Validate(null, new PromptOptions { DefaultLocale = "english" }).Failures!, f => f.Contains("'english'", StringComparison.Ordinal));
}
