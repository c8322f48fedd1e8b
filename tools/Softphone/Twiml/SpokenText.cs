using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PhoneBooking.Softphone.Twiml;

/// <summary>The words a &lt;Say&gt; speaks: its text with the SSML Twilio allows inside (break, prosody, say-as…).</summary>
internal static partial class SpokenText
{
    private static readonly HashSet<string> Ssml =
        ["break", "emphasis", "lang", "p", "phoneme", "prosody", "s", "say-as", "sub", "w", "domain", "effect"];

    public static string Of(XElement say, Func<string, TwimlSchemaException> invalid)
    {
        var text = new StringBuilder();
        Append(say, text, invalid);
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private static void Append(XElement element, StringBuilder text, Func<string, TwimlSchemaException> invalid)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText run:
                    text.Append(run.Value);
                    break;
                case XElement child when !Ssml.Contains(child.Name.LocalName):
                    throw invalid($"<{child.Name.LocalName}> is not allowed inside <Say>");
                case XElement { Name.LocalName: "break" }:
                    text.Append(' ');
                    break;
                case XElement { Name.LocalName: "sub" } sub when sub.Attribute("alias") is { } alias:
                    text.Append(' ').Append(alias.Value).Append(' ');
                    break;
                case XElement child:
                    text.Append(' ');
                    Append(child, text, invalid);
                    text.Append(' ');
                    break;
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
