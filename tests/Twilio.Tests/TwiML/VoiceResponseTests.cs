using PhoneBooking.Twilio.TwiML;

namespace PhoneBooking.Twilio.Tests.TwiML;

public class VoiceResponseTests
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    [Fact]
    public void ToString_EmptyResponse_WritesUtf8DeclarationAndResponse()
    {
        Assert.Equal(Declaration + "<Response />", new VoiceResponse().ToString());
    }

    [Fact]
    public void Say_WithVoiceLanguageLoop_WritesTwilioAttributeNames()
    {
        var xml = new VoiceResponse()
            .Say("Bonjour", voice: Say.VoiceEnum.PollyChantal, loop: 2, language: Say.LanguageEnum.FrCa)
            .ToString();

        Assert.Equal(Declaration + "<Response><Say voice=\"Polly.Chantal\" loop=\"2\" language=\"fr-CA\">Bonjour</Say></Response>", xml);
    }

    [Fact]
    public void Say_TextWithMarkup_IsEscaped()
    {
        var xml = new VoiceResponse().Say("Press <1> & \"2\" > 'three'").ToString();

        Assert.Contains("<Say>Press &lt;1&gt; &amp; \"2\" &gt; 'three'</Say>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Say_AttributeWithQuotesAndAmpersand_IsEscaped()
    {
        var xml = new VoiceResponse().Redirect(new Uri("/voice/menu?a=1&b=\"2\"", UriKind.Relative)).ToString();

        Assert.Contains("<Redirect>/voice/menu?a=1&amp;b=\"2\"</Redirect>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Say_SsmlChildrenAndTextRuns_KeepTheirOrder()
    {
        var say = new Say("Your code is", language: "en-CA")
            .Break(SsmlBreak.StrengthEnum.Medium, "500ms")
            .SayAs("AB12", SsmlSayAs.InterpretAsEnum.SpellOut)
            .AddText(" on ")
            .SayAs("20261123", SsmlSayAs.InterpretAsEnum.Date, SsmlSayAs.FormatEnum.Yyyymmdd)
            .Prosody("Please listen carefully.", rate: "slow", pitch: "low", volume: "loud")
            .Emphasis("important", SsmlEmphasis.LevelEnum.Strong)
            .P("A paragraph.")
            .S("A sentence.");

        var xml = new VoiceResponse().Append(say).ToString();

        Assert.Equal(
            Declaration + "<Response><Say language=\"en-CA\">Your code is<break strength=\"medium\" time=\"500ms\" />"
            + "<say-as interpret-as=\"spell-out\">AB12</say-as> on <say-as interpret-as=\"date\" format=\"yyyymmdd\">20261123</say-as>"
            + "<prosody volume=\"loud\" rate=\"slow\" pitch=\"low\">Please listen carefully.</prosody>"
            + "<emphasis level=\"strong\">important</emphasis><p>A paragraph.</p><s>A sentence.</s></Say></Response>",
            xml);
    }

    [Fact]
    public void Gather_AllAttributes_UseTwilioCase()
    {
        var gather = new Gather(
            input: [Gather.InputEnum.Dtmf, Gather.InputEnum.Speech],
            action: new Uri("/voice/birth-date", UriKind.Relative),
            method: HttpMethod.Post,
            timeout: 8,
            speechTimeout: "auto",
            finishOnKey: "#",
            numDigits: 8,
            language: Gather.LanguageEnum.EnCa,
            hints: "yes, no",
            actionOnEmptyResult: true)
            .Say("Enter your birth date.")
            .Pause(1)
            .Play(new Uri("https://example.test/beep.mp3"));

        var xml = new VoiceResponse().Append(gather).ToString();

        Assert.Equal(
            Declaration + "<Response><Gather input=\"dtmf speech\" action=\"/voice/birth-date\" method=\"POST\" timeout=\"8\" "
            + "speechTimeout=\"auto\" finishOnKey=\"#\" numDigits=\"8\" language=\"en-CA\" hints=\"yes, no\" actionOnEmptyResult=\"true\">"
            + "<Say>Enter your birth date.</Say><Pause length=\"1\" /><Play>https://example.test/beep.mp3</Play></Gather></Response>",
            xml);
    }

    [Fact]
    public void Gather_EmptyFinishOnKey_IsWrittenSoTwilioDisablesIt()
    {
        var xml = new VoiceResponse().Gather(finishOnKey: string.Empty, actionOnEmptyResult: false).ToString();

        Assert.Contains("<Gather finishOnKey=\"\" actionOnEmptyResult=\"false\" />", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Gather_NestingAVerbOtherThanSayPlayPause_Throws()
    {
        var gather = new Gather();

        var error = Assert.Throws<ArgumentException>(() => gather.Append(new Redirect(new Uri("/x", UriKind.Relative))));

        Assert.Contains("<Gather> cannot nest <Redirect>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Response_NestingANounOrSsml_Throws()
    {
        Assert.Throws<ArgumentException>(() => new VoiceResponse().Append(new Number("+15145550100")));
        Assert.Throws<ArgumentException>(() => new VoiceResponse().Append(new SsmlBreak()));
        Assert.Throws<ArgumentException>(() => new Say().Append(new Pause()));
    }

    [Fact]
    public void Enqueue_Leave_Hangup_Reject_WriteTheirAttributes()
    {
        var xml = new VoiceResponse()
            .Enqueue("agents", action: new Uri("/voice/queue/left", UriKind.Relative), method: HttpMethod.Post,
                waitUrl: new Uri("/voice/queue/wait", UriKind.Relative), waitUrlMethod: HttpMethod.Get)
            .Leave()
            .Hangup()
            .Reject(Reject.ReasonEnum.Busy)
            .ToString();

        Assert.Equal(
            Declaration + "<Response><Enqueue action=\"/voice/queue/left\" method=\"POST\" waitUrl=\"/voice/queue/wait\" waitUrlMethod=\"GET\">agents</Enqueue>"
            + "<Leave /><Hangup /><Reject reason=\"busy\" /></Response>",
            xml);
    }

    [Fact]
    public void Dial_WithEveryNoun_WritesNounsInOrder()
    {
        var dial = new Dial(action: new Uri("/voice/dial-done", UriKind.Relative), method: HttpMethod.Post, timeout: 20, callerId: "+15145550199")
            .Number("+15145550100", sendDigits: "ww1")
            .Queue("agents", url: new Uri("/voice/agent-whisper", UriKind.Relative))
            .Client("agent-7")
            .Sip(new Uri("sip:desk@pbx.example.test"), username: "u", password: "p");

        var xml = new VoiceResponse().Append(dial).ToString();

        Assert.Equal(
            Declaration + "<Response><Dial action=\"/voice/dial-done\" method=\"POST\" timeout=\"20\" callerId=\"+15145550199\">"
            + "<Number sendDigits=\"ww1\">+15145550100</Number><Queue url=\"/voice/agent-whisper\">agents</Queue>"
            + "<Client>agent-7</Client><Sip username=\"u\" password=\"p\">sip:desk@pbx.example.test</Sip></Dial></Response>",
            xml);
    }

    [Fact]
    public void Dial_NumberBodyAndRecord_AreWritten()
    {
        var xml = new VoiceResponse().Dial("+15145550100", record: Dial.RecordEnum.DoNotRecord).ToString();

        Assert.Contains("<Dial record=\"do-not-record\">+15145550100</Dial>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_LoopAndDigits_AndSetOption_AreWritten()
    {
        var play = new Play(new Uri("https://cdn.example.test/hold music.mp3"), loop: 0, digits: "9");
        play.SetOption("digits", "1w2");

        var xml = new VoiceResponse().Append(play).Play(digits: "wwww3").ToString();

        Assert.Contains("<Play loop=\"0\" digits=\"1w2\">https://cdn.example.test/hold music.mp3</Play><Play digits=\"wwww3\" />", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void StringEnum_FromString_EqualsNamedMember()
    {
        Gather.InputEnum speech = "speech";

        Assert.Equal(Gather.InputEnum.Speech, speech);
        Assert.True(speech == Gather.InputEnum.Speech);
        Assert.NotEqual<object>(Say.LanguageEnum.FrCa, Gather.LanguageEnum.FrCa);
    }
}
