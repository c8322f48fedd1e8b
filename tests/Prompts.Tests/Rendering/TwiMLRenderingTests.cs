using System.Text.RegularExpressions;
using System.Xml.Linq;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace PhoneBooking.Prompts.Tests.Rendering;

/// <summary>What the line hands Twilio: &lt;Say&gt; with SSML Twilio accepts, or &lt;Play&gt; of a recording.</summary>
public sealed partial class TwiMLRenderingTests
{
    /// <summary>
    /// SSML inside &lt;Say&gt; that Twilio documents (twilio-node VoiceResponse: Ssml* attributes),
    /// element → allowed attributes.
    /// </summary>
    private static readonly Dictionary<string, string[]> TwilioSsml = new()
    {
        ["break"] = ["strength", "time"],
        ["emphasis"] = ["level"],
        ["lang"] = ["{http://www.w3.org/XML/1998/namespace}lang"],
        ["p"] = [],
        ["s"] = [],
        ["phoneme"] = ["alphabet", "ph"],
        ["prosody"] = ["volume", "rate", "pitch"],
        ["say-as"] = ["interpret-as", "format"],
        ["sub"] = ["alias"],
        ["w"] = ["role"],
    };

    private static readonly string[] TwilioInterpretAs =
        ["characters", "spell-out", "cardinal", "number", "ordinal", "digits", "fraction", "unit", "date", "time", "address", "expletive", "telephone"];

    private static readonly PromptCatalog Catalog = PromptCatalog.Load(new PromptOptions { Directory = PromptFolder.Shipped });

    public static TheoryData<string, string, SpeechRate> EveryPrompt()
    {
        var data = new TheoryData<string, string, SpeechRate>();
        foreach (var locale in Catalog.Locales)
        {
            foreach (var id in Catalog.Ids)
            {
                data.Add(locale, id, SpeechRate.Normal);
                data.Add(locale, id, SpeechRate.Slow);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPrompt))]
    public void Render_EveryPromptEveryLocaleBothRates_IsTwiMLTwilioAccepts(string locale, string id, SpeechRate rate)
    {
        var arguments = Placeholders.SamplesFor(Catalog.Find(id, locale)!.Placeholders);
        var response = new VoiceResponse().Append(new Gather(numDigits: 1).Append(Catalog.Render(id, locale, arguments, rate)));

        var document = XDocument.Parse(response.ToString());

        var say = Assert.Single(document.Descendants("Say"));
        Assert.All(say.Attributes(), attribute => Assert.Contains(attribute.Name.LocalName, new[] { "voice", "language", "loop" }));
        Assert.Matches(TwilioVoice(), (string?)say.Attribute("voice"));
        Assert.Equal(locale == "fr-CA" ? "fr-CA" : "en-US", (string?)say.Attribute("language"));
        foreach (var element in say.Descendants())
        {
            Assert.True(TwilioSsml.TryGetValue(element.Name.LocalName, out var allowed), $"<{element.Name}> is not SSML Twilio supports");
            Assert.All(element.Attributes(), attribute => Assert.Contains(attribute.Name.ToString(), allowed));
        }

        Assert.All(say.Descendants("prosody"), prosody => Assert.Matches(@"^(x-slow|slow|medium|fast|x-fast|\d{2,3}%)$", (string?)prosody.Attribute("rate")));
        Assert.All(say.Descendants("break"), pause => Assert.Matches(@"^\d{1,5}ms$", (string?)pause.Attribute("time")));
        Assert.All(say.Descendants("say-as"), sayAs => Assert.Contains((string?)sayAs.Attribute("interpret-as"), TwilioInterpretAs));
        Assert.False(string.IsNullOrWhiteSpace(say.Value));
    }

    [Fact]
    public void Render_NormalRate_SayWithTheLocaleVoiceAndNoProsody()
    {
        var xml = Catalog.Render("goodbye", "fr-CA").ToString();

        Assert.EndsWith("<Say voice=\"Polly.Gabrielle-Neural\" language=\"fr-CA\">Merci de votre appel. Au revoir.</Say>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ConfirmationCodeSlowly_DigitsInGroupsWithLongerPausesInsideProsody()
    {
        var xml = Catalog.Render("booking.code", "en-CA", new Dictionary<string, SpeechValue> { ["code"] = SpeechValue.Code("48213907") }, SpeechRate.Slow).ToString(SaveOptions.DisableFormatting);

        Assert.EndsWith(
            "<Say voice=\"Polly.Joanna-Neural\" language=\"en-US\"><prosody rate=\"80%\">Please have a pen ready. Your confirmation code is "
            + "<say-as interpret-as=\"digits\">4821</say-as><break time=\"750ms\"></break><say-as interpret-as=\"digits\">3907</say-as>.</prosody></Say>",
            xml,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IncidentMessageWithMarkup_IsEscapedTextNotSsml()
    {
        var message = SpeechValue.Text("Closed today <break time=\"10s\"/> & <prosody rate=\"x-fast\">call later</prosody>\u0007");

        var xml = Catalog.Render("welcome.incident", "en-CA", new Dictionary<string, SpeechValue> { ["message"] = message }).ToString();

        var say = XDocument.Parse(xml).Root!;
        Assert.Empty(say.Descendants());
        Assert.Equal("An important message: Closed today <break time=\"10s\"/> & <prosody rate=\"x-fast\">call later</prosody>", say.Value);
        Assert.Contains("&lt;break time=\"10s\"/&gt; &amp;", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderText_SmsBody_WrittenFormsNotSpokenOnes()
    {
        var arguments = new Dictionary<string, SpeechValue>
        {
            ["date"] = SpeechValue.Date(new DateOnly(2027, 3, 23)),
            ["window"] = SpeechValue.Window(new TimeOnly(10, 0), new TimeOnly(11, 0)),
            ["site"] = SpeechValue.Site("north-york", "North York Civic Centre"),
            ["code"] = SpeechValue.Code("48213907"),
            ["line_number"] = SpeechValue.Phone("+18005550199"),
        };

        // The French text names the site in French, as the French voice does, and gives the number to call.
        Assert.Equal(
            "Rendez-vous de vaccination : mardi 23 mars, entre 10 h et 11 h. Endroit : Centre civique de North York. Code de confirmation : 4821 3907. Conservez ce message. Pour annuler, appelez le 800-555-0199.",
            Catalog.RenderText("booking.sms.body", "fr-CA", arguments));
        Assert.StartsWith(
            "Vaccine appointment: Tuesday, March 23, between 10 and 11 in the morning, at North York Civic Centre. Confirmation code: 4821 3907.",
            Catalog.RenderText("booking.sms.body", "en-CA", arguments),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PromptWithCode_CountsEachDigitAsAWordAndAddsThePause()
    {
        var speech = Catalog.Compose("booking.code", "en-CA", new Dictionary<string, SpeechValue> { ["code"] = SpeechValue.Code("48213907") });

        Assert.Equal(17, speech.WordCount); // 9 words + 8 digits
        Assert.Equal(TimeSpan.FromSeconds(17 * 60.0 / 150) + TimeSpan.FromMilliseconds(600), speech.EstimatedDuration());
        Assert.True(speech.EstimatedDuration(SpeechRate.Slow) > speech.EstimatedDuration());
    }

    [Fact]
    public void ToSsml_ForOtherEngines_IsStandardSsmlWithCharacters()
    {
        var ssml = Catalog.Compose("booking.code", "fr-CA", new Dictionary<string, SpeechValue> { ["code"] = SpeechValue.Code("48213907") }).ToSsml(SpeechRate.Slow);

        var speak = XElement.Parse(ssml);
        Assert.Equal("speak", speak.Name.LocalName);
        Assert.Equal("fr-CA", (string?)speak.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("80%", (string?)speak.Element("prosody")?.Attribute("rate"));
        Assert.Equal(["4821", "3907"], speak.Descendants("say-as").Select(s => s.Value));
    }

    [GeneratedRegex(@"^(Polly\.[A-Z][a-z]+(-Neural|-Generative)?|Google\.[a-z]{2}-[A-Z]{2}-.+)$")]
    private static partial Regex TwilioVoice();
}
