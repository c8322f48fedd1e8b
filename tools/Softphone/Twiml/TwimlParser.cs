using System.Xml;
using System.Xml.Linq;
using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Twiml;

/// <summary>
/// Reads a TwiML document as Twilio's engine does, before executing any of it: malformed XML is 12100,
/// a root other than &lt;Response&gt; is 12102, an unknown verb or a verb nested where it may not be is
/// 12200 and the document is refused; bad attribute values are warnings and defaults apply.
/// </summary>
public static class TwimlParser
{
    private static readonly HashSet<string> NotSimulated =
        ["Record", "Connect", "Start", "Stop", "Pay", "Prompt", "Refer", "Echo", "Sms", "Siprec", "Stream", "Transcription", "Config", "Autopilot"];

    public static TwimlDocument Parse(string xml, Uri? documentUrl = null)
    {
        var root = Load(xml, documentUrl);
        if (root.Name.LocalName != "Response")
        {
            throw new TwimlSchemaException(TwilioErrors.Error(TwilioErrors.RootMustBeResponse, $"the root element is <{root.Name.LocalName}>", documentUrl));
        }

        var warnings = new List<TwilioNotification>();
        var verbs = new List<TwimlVerb>();
        foreach (var node in root.Nodes())
        {
            switch (node)
            {
                case XElement element:
                    verbs.Add(ReadVerb(new ElementReader(element, documentUrl, warnings), element));
                    break;
                case XText text when !string.IsNullOrWhiteSpace(text.Value):
                    throw new TwimlSchemaException(TwilioErrors.Error(
                        TwilioErrors.SchemaValidation, $"text \"{text.Value.Trim()}\" directly inside <Response>", documentUrl));
            }
        }

        return new TwimlDocument(verbs, warnings);
    }

    private static XElement Load(string xml, Uri? documentUrl)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo).Root!;
        }
        catch (XmlException exception)
        {
            throw new TwimlSchemaException(TwilioErrors.Error(TwilioErrors.DocumentParseFailure, exception.Message, documentUrl));
        }
    }

    private static TwimlVerb ReadVerb(ElementReader reader, XElement element) => reader.Name switch
    {
        "Say" => ReadSay(reader, element),
        "Play" => ReadPlay(reader),
        "Pause" => ReadPause(reader),
        "Gather" => ReadGather(reader, element),
        "Redirect" => ReadRedirect(reader),
        "Hangup" => Bare(reader, new HangupVerb(reader.Line)),
        "Leave" => Bare(reader, new LeaveVerb(reader.Line)),
        "Reject" => ReadReject(reader),
        "Enqueue" => ReadEnqueue(reader),
        "Dial" => DialReader.Read(reader, element),
        _ when NotSimulated.Contains(reader.Name) => new UnsupportedVerb(reader.Line, reader.Name),
        _ => throw reader.Invalid($"<{reader.Name}> is not a TwiML verb (verbs are case-sensitive)"),
    };

    private static SayVerb ReadSay(ElementReader reader, XElement element)
    {
        reader.Only("voice", "language", "loop");
        return new SayVerb(reader.Line, SpokenText.Of(element, reader.Invalid), reader.Text("voice"), reader.Text("language") ?? "en-US", reader.Integer("loop", 1, 0));
    }

    private static PlayVerb ReadPlay(ElementReader reader)
    {
        reader.Only("loop", "digits");
        var digits = reader.Text("digits");
        if (digits is not null && !digits.All(c => char.IsAsciiDigit(c) || c is '*' or '#' or 'w' or 'W'))
        {
            reader.Warn(TwilioErrors.SchemaValidation, $"<Play> digits=\"{digits}\" may only hold 0-9, *, # and w (line {reader.Line})");
            digits = null;
        }

        var url = reader.Body;
        if (url.Length == 0 && digits is null)
        {
            throw reader.Invalid("<Play> needs an audio URL or digits");
        }

        return new PlayVerb(reader.Line, url.Length == 0 ? null : url, digits, reader.Integer("loop", 1, 0));
    }

    private static PauseVerb ReadPause(ElementReader reader)
    {
        reader.Only("length");
        return new PauseVerb(reader.Line, reader.Seconds("length", 1, 0));
    }

    private static GatherVerb ReadGather(ElementReader reader, XElement element)
    {
        reader.Only(
            "action", "method", "timeout", "speechTimeout", "maxSpeechTime", "profanityFilter", "finishOnKey", "numDigits",
            "partialResultCallback", "partialResultCallbackMethod", "language", "hints", "bargeIn", "debug",
            "actionOnEmptyResult", "speechModel", "enhanced", "input");
        var prompts = new List<TwimlVerb>();
        foreach (var child in element.Elements())
        {
            var childReader = reader.For(child);
            prompts.Add(childReader.Name is "Say" or "Play" or "Pause"
                ? ReadVerb(childReader, child)
                : throw childReader.Invalid($"<{childReader.Name}> cannot be nested in <Gather> (only Say, Play, Pause)"));
        }

        var numDigits = element.Attribute("numDigits") is null ? (int?)null : reader.Integer("numDigits", 0, 1, TwilioErrors.GatherInvalidNumDigits);
        return new GatherVerb(
            reader.Line,
            reader.Text("action"),
            reader.Method("method"),
            reader.Seconds("timeout", 5, 0, TwilioErrors.GatherInvalidTimeout),
            numDigits is 0 ? null : numDigits,
            FinishOnKey(reader, element),
            Input(reader),
            reader.Text("language") ?? "en-US",
            reader.Boolean("actionOnEmptyResult", false),
            reader.Text("hints"),
            prompts);
    }

    private static string FinishOnKey(ElementReader reader, XElement element)
    {
        var raw = element.Attribute("finishOnKey")?.Value;
        if (raw is null)
        {
            return "#";
        }

        if (raw.Length == 0 || (raw.Length == 1 && "0123456789#*".Contains(raw[0], StringComparison.Ordinal)))
        {
            return raw;
        }

        reader.Warn(TwilioErrors.GatherInvalidFinishOnKey, $"finishOnKey=\"{raw}\" must be one of 0-9, #, * or empty; using # (line {reader.Line})");
        return "#";
    }

    private static GatherInput Input(ElementReader reader)
    {
        var raw = reader.Text("input");
        if (raw is null)
        {
            return GatherInput.Dtmf;
        }

        var input = (GatherInput)0;
        foreach (var part in raw.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            input |= part switch
            {
                "dtmf" => GatherInput.Dtmf,
                "speech" => GatherInput.Speech,
                _ => 0,
            };
        }

        if (input == 0 || raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(p => p is not ("dtmf" or "speech")))
        {
            reader.Warn(TwilioErrors.SchemaValidation, $"<Gather> input=\"{raw}\" must be dtmf, speech or \"dtmf speech\"; using dtmf (line {reader.Line})");
            return GatherInput.Dtmf;
        }

        return input;
    }

    private static RedirectVerb ReadRedirect(ElementReader reader)
    {
        reader.Only("method");
        var url = reader.Body;
        return url.Length == 0 ? throw reader.Invalid("<Redirect> needs a URL") : new RedirectVerb(reader.Line, url, reader.Method("method"));
    }

    private static RejectVerb ReadReject(ElementReader reader)
    {
        reader.Only("reason");
        var reason = reader.Text("reason") ?? "rejected";
        if (reason is not ("rejected" or "busy"))
        {
            reader.Warn(TwilioErrors.SchemaValidation, $"<Reject> reason=\"{reason}\" must be rejected or busy; using rejected (line {reader.Line})");
            reason = "rejected";
        }

        return new RejectVerb(reader.Line, reason);
    }

    private static EnqueueVerb ReadEnqueue(ElementReader reader)
    {
        reader.Only("action", "method", "waitUrl", "waitUrlMethod", "workflowSid", "maxQueueSize");
        var name = reader.Body.Length > 0 ? reader.Body : reader.Text("workflowSid") ?? throw reader.Invalid("<Enqueue> needs a queue name");
        return new EnqueueVerb(reader.Line, name, reader.Text("action"), reader.Method("method"), reader.Text("waitUrl"), reader.Method("waitUrlMethod"));
    }

    private static T Bare<T>(ElementReader reader, T verb)
    {
        reader.Only();
        return verb;
    }
}
