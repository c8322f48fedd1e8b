using System.Xml.Linq;

namespace PhoneBooking.Softphone.Twiml;

/// <summary>&lt;Dial&gt; and its nouns: Number, Client, Sip, Queue, Conference (or a bare number as text).</summary>
internal static class DialReader
{
    public static DialVerb Read(ElementReader reader, XElement element)
    {
        reader.Only(
            "action", "method", "timeout", "hangupOnStar", "timeLimit", "callerId", "record", "trim",
            "recordingStatusCallback", "recordingStatusCallbackMethod", "recordingStatusCallbackEvent", "answerOnBridge",
            "ringTone", "recordingTrack", "sequential", "referUrl", "referMethod", "events");
        var targets = new List<DialTarget>();
        var bare = reader.Body;
        if (bare.Length > 0)
        {
            targets.Add(new DialTarget(DialTargetKind.Number, bare, null, HttpMethod.Post));
        }

        foreach (var child in element.Elements())
        {
            var noun = reader.For(child);
            if (!Enum.TryParse<DialTargetKind>(noun.Name, ignoreCase: false, out var kind) || noun.Name != kind.ToString())
            {
                throw noun.Invalid($"<{noun.Name}> cannot be nested in <Dial>");
            }

            var value = child.Element("Identity")?.Value.Trim() ?? noun.Body;
            targets.Add(new DialTarget(kind, value, noun.Text("url"), noun.Method("method")));
        }

        if (targets.Count == 0)
        {
            throw reader.Invalid("<Dial> needs a number or a noun (Number, Client, Sip, Queue, Conference)");
        }

        return new DialVerb(
            reader.Line,
            targets,
            reader.Text("action"),
            reader.Method("method"),
            reader.Seconds("timeout", 30, 1),
            reader.Text("callerId"),
            reader.Seconds("timeLimit", 14400, 1));
    }
}
