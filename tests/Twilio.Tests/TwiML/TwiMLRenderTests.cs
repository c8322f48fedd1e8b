using PhoneBooking.Twilio.AspNetCore;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace PhoneBooking.Twilio.Tests.TwiML;

/// <summary>What the line relies on from the SDK's TwiML, as <see cref="TwiMLResult"/> sends it.</summary>
public class TwiMLRenderTests
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    [Fact]
    public void Render_EmptyResponse_Utf8DeclarationAndNoIndentation()
    {
        Assert.Equal(Declaration + "<Response></Response>", TwiMLResult.Render(new VoiceResponse()));
    }

    [Fact]
    public void Render_SayWithSsmlChildrenAndTextRuns_KeepsTheirOrderWithoutWhitespaceBetween()
    {
        var say = new Say("Your code is", language: "en-CA");
        say.Break(SsmlBreak.StrengthEnum.Medium, "500ms").SayAs("AB12", SsmlSayAs.InterpretAsEnum.SpellOut);
        say.AddText(" on ");
        say.SayAs("20261123", SsmlSayAs.InterpretAsEnum.Date, SsmlSayAs.FormatEnum.Yyyymmdd).Prosody("Please listen carefully.", rate: "slow");

        Assert.Equal(
            Declaration + "<Response><Say language=\"en-CA\">Your code is<break strength=\"medium\" time=\"500ms\"></break>"
            + "<say-as interpret-as=\"spell-out\">AB12</say-as> on <say-as interpret-as=\"date\" format=\"yyyymmdd\">20261123</say-as>"
            + "<prosody rate=\"slow\">Please listen carefully.</prosody></Say></Response>",
            TwiMLResult.Render(new VoiceResponse().Append(say)));
    }

    [Fact]
    public void Render_TextAndUrlsWithMarkup_AreEscaped()
    {
        var xml = TwiMLResult.Render(new VoiceResponse()
            .Say("Press <1> & \"2\"")
            .Redirect(new Uri("/voice/menu?a=1&b=2", UriKind.Relative)));

        Assert.Contains("<Say>Press &lt;1&gt; &amp; \"2\"</Say><Redirect>/voice/menu?a=1&amp;b=2</Redirect>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_GatherWithEmptyFinishOnKey_WritesItSoTwilioDisablesThePoundKey()
    {
        var xml = TwiMLResult.Render(new VoiceResponse().Gather(finishOnKey: string.Empty, actionOnEmptyResult: false));

        Assert.Contains("<Gather finishOnKey=\"\" actionOnEmptyResult=\"false\"></Gather>", xml, StringComparison.Ordinal);
    }
}
