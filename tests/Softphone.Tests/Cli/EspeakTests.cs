using PhoneBooking.Softphone.Cli;

namespace PhoneBooking.Softphone.Tests.Cli;

public sealed class EspeakTests
{
    [Theory]
    [InlineData(null, "en-us")]
    [InlineData("en-US", "en-us")]
    [InlineData("en-CA", "en-us")]
    [InlineData("en-GB", "en-gb")]
    [InlineData("fr-CA", "fr")]
    [InlineData("es-MX", "es")]
    public void Voice_MapsTwiliosLanguageToAnEspeakVoice(string? language, string voice)
    {
        Assert.Equal(voice, Espeak.Voice(language));
    }
}
