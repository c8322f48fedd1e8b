namespace PhoneBooking.Twilio.TwiML;

/// <summary><c>&lt;p&gt;</c>: a paragraph (a longer pause around it).</summary>
public sealed class SsmlP(string? words = null) : SsmlElement("p", words)
{
    public new SsmlP Append(TwiML childElem) => (SsmlP)base.Append(childElem);
}
