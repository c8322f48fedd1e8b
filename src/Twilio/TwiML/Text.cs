using System.Xml;

namespace PhoneBooking.Twilio.TwiML;

/// <summary>A plain text run between SSML elements inside &lt;Say&gt; (SDK: <c>Twilio.TwiML.Text</c>).</summary>
public sealed class Text(string content) : TwiML("#text")
{
    public string Content { get; } = content;

    internal override void WriteTo(XmlWriter writer) => writer.WriteString(Content);
}
