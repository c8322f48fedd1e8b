using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Twiml;

namespace PhoneBooking.Softphone.Tests.Twiml;

public sealed class TwimlParserTests
{
    [Fact]
    public void Parse_EveryVerb_ReadsTheirAttributesAndNouns()
    {
        var document = TwimlParser.Parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Response>
              <Say voice="Polly.Joanna" language="fr-CA" loop="2">Bonjour</Say>
              <Play loop="3">https://example.com/a.mp3</Play>
              <Pause length="4"/>
              <Gather action="/next" method="GET" timeout="7" numDigits="8" finishOnKey="*" input="dtmf speech" actionOnEmptyResult="true" language="en-CA">
                <Say>Enter your date</Say><Pause/><Play>https://example.com/b.mp3</Play>
              </Gather>
              <Redirect method="GET">/again</Redirect>
              <Enqueue action="/queued" waitUrl="/wait" waitUrlMethod="GET">agents</Enqueue>
              <Dial action="/dialled" timeout="20" callerId="+18005550100"><Number>+16135550199</Number><Queue url="/whisper">agents</Queue><Client><Identity>ana</Identity></Client></Dial>
              <Dial>+16135550111</Dial>
              <Leave/>
              <Hangup/>
              <Reject reason="busy"/>
            </Response>
            """);

        Assert.Empty(document.Warnings);
        Assert.Equal(new SayVerb(3, "Bonjour", "Polly.Joanna", "fr-CA", 2), document.Verbs[0]);
        Assert.Equal(new PlayVerb(4, "https://example.com/a.mp3", null, 3), document.Verbs[1]);
        Assert.Equal(new PauseVerb(5, TimeSpan.FromSeconds(4)), document.Verbs[2]);
        var gather = Assert.IsType<GatherVerb>(document.Verbs[3]);
        Assert.Equal(("/next", HttpMethod.Get, TimeSpan.FromSeconds(7), 8, "*"), (gather.Action, gather.Method, gather.Timeout, gather.NumDigits, gather.FinishOnKey));
        Assert.Equal((GatherInput.Dtmf | GatherInput.Speech, true, "en-CA"), (gather.Input, gather.ActionOnEmptyResult, gather.Language));
        Assert.Collection(gather.Prompts, p => Assert.IsType<SayVerb>(p), p => Assert.IsType<PauseVerb>(p), p => Assert.IsType<PlayVerb>(p));
        Assert.Equal(new RedirectVerb(9, "/again", HttpMethod.Get), document.Verbs[4]);
        Assert.Equal(new EnqueueVerb(10, "agents", "/queued", HttpMethod.Post, "/wait", HttpMethod.Get), document.Verbs[5]);
        var dial = Assert.IsType<DialVerb>(document.Verbs[6]);
        Assert.Equal(("/dialled", TimeSpan.FromSeconds(20), "+18005550100"), (dial.Action, dial.Timeout, dial.CallerId));
        Assert.Equal(
            [new(DialTargetKind.Number, "+16135550199", null, HttpMethod.Post), new(DialTargetKind.Queue, "agents", "/whisper", HttpMethod.Post), new(DialTargetKind.Client, "ana", null, HttpMethod.Post)],
            dial.Targets);
        Assert.Equal(DialTargetKind.Number, Assert.Single(Assert.IsType<DialVerb>(document.Verbs[7]).Targets).Kind);
        Assert.IsType<LeaveVerb>(document.Verbs[8]);
        Assert.IsType<HangupVerb>(document.Verbs[9]);
        Assert.Equal("busy", Assert.IsType<RejectVerb>(document.Verbs[10]).Reason);
    }

    [Fact]
    public void Parse_Defaults_AreTwiliosDefaults()
    {
        var document = TwimlParser.Parse("<Response><Say>Hi</Say><Gather/><Pause/><Redirect>/x</Redirect><Reject/></Response>");

        Assert.Equal(new SayVerb(1, "Hi", null, "en-US", 1), document.Verbs[0]);
        var gather = Assert.IsType<GatherVerb>(document.Verbs[1]);
        Assert.Equal((null, HttpMethod.Post, TimeSpan.FromSeconds(5), (int?)null, "#", GatherInput.Dtmf, false), (gather.Action, gather.Method, gather.Timeout, gather.NumDigits, gather.FinishOnKey, gather.Input, gather.ActionOnEmptyResult));
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<PauseVerb>(document.Verbs[2]).Length);
        Assert.Equal(HttpMethod.Post, Assert.IsType<RedirectVerb>(document.Verbs[3]).Method);
        Assert.Equal("rejected", Assert.IsType<RejectVerb>(document.Verbs[4]).Reason);
    }

    [Fact]
    public void Parse_SsmlInsideSay_SpeaksTheWords()
    {
        var document = TwimlParser.Parse("""
            <Response><Say>Your code is <say-as interpret-as="characters">AB12</say-as>.<break time="1s"/><prosody rate="slow">Goodbye</prosody> <sub alias="doctor">Dr.</sub></Say></Response>
            """);

        Assert.Equal("Your code is AB12 . Goodbye doctor", Assert.IsType<SayVerb>(Assert.Single(document.Verbs)).Text);
    }

    [Theory]
    [InlineData("<Response><Say>unclosed</Response>")]
    [InlineData(" <?xml version=\"1.0\"?><Response/>")]
    [InlineData("<Response><Say>a & b</Say></Response>")]
    [InlineData("")]
    public void Parse_MalformedXml_IsDocumentParseFailure12100(string xml)
    {
        var failure = Assert.Throws<TwimlSchemaException>(() => TwimlParser.Parse(xml)).Notification;

        Assert.Equal((TwilioErrors.DocumentParseFailure, NotificationLevel.Error, "Document parse failure"), (failure.Code, failure.Level, failure.Title));
    }

    [Fact]
    public void Parse_RootIsNotResponse_Is12102()
    {
        var failure = Assert.Throws<TwimlSchemaException>(() => TwimlParser.Parse("<Reponse><Say>hi</Say></Reponse>")).Notification;

        Assert.Equal(TwilioErrors.RootMustBeResponse, failure.Code);
        Assert.Contains("<Reponse>", failure.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Response><say>lowercase</say></Response>", "<say> is not a TwiML verb")]
    [InlineData("<Response><Speak>hi</Speak></Response>", "<Speak> is not a TwiML verb")]
    [InlineData("<Response><Gather><Redirect>/x</Redirect></Gather></Response>", "<Redirect> cannot be nested in <Gather>")]
    [InlineData("<Response><Dial><Phone>1</Phone></Dial></Response>", "<Phone> cannot be nested in <Dial>")]
    [InlineData("<Response><Say>hi <b>there</b></Say></Response>", "<b> is not allowed inside <Say>")]
    [InlineData("<Response>loose text</Response>", "directly inside <Response>")]
    [InlineData("<Response><Redirect/></Response>", "<Redirect> needs a URL")]
    public void Parse_UnknownOrMisplacedElements_AreSchemaValidation12200(string xml, string detail)
    {
        var failure = Assert.Throws<TwimlSchemaException>(() => TwimlParser.Parse(xml)).Notification;

        Assert.Equal(TwilioErrors.SchemaValidation, failure.Code);
        Assert.Contains(detail, failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidGatherAttributes_WarnWithGatherCodesAndUseDefaults()
    {
        var document = TwimlParser.Parse("""<Response><Gather timeout="soon" numDigits="-1" finishOnKey="ab" input="keys" colour="red"/></Response>""");

        var gather = Assert.IsType<GatherVerb>(Assert.Single(document.Verbs));
        Assert.Equal((TimeSpan.FromSeconds(5), (int?)null, "#", GatherInput.Dtmf), (gather.Timeout, gather.NumDigits, gather.FinishOnKey, gather.Input));
        Assert.Equal(
            [TwilioErrors.SchemaValidation, TwilioErrors.SchemaValidation, TwilioErrors.GatherInvalidFinishOnKey, TwilioErrors.GatherInvalidTimeout, TwilioErrors.GatherInvalidNumDigits],
            document.Warnings.Select(w => w.Code).Order());
        Assert.All(document.Warnings, w => Assert.Equal(NotificationLevel.Warning, w.Level));
        Assert.Contains(document.Warnings, w => w.Detail.Contains("'colour' is not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ValidVerbTheSoftphoneDoesNotSimulate_IsKeptAsUnsupported()
    {
        var document = TwimlParser.Parse("<Response><Record maxLength=\"30\"/></Response>");

        Assert.Equal(new UnsupportedVerb(1, "Record"), Assert.Single(document.Verbs));
    }
}
