namespace PhoneBooking.Twilio.TwiML;

/// <summary><c>&lt;s&gt;</c>: a sentence.</summary>
public sealed class SsmlS(string? words = null) : SsmlElement("s", words)
{
    public new SsmlS Append(TwiML childElem) => (SsmlS)base.Append(childElem);
}
