namespace PhoneBooking.Twilio.TwiML;

/// <summary>
/// An SSML element inside &lt;Say&gt;. Twilio writes SSML tags in lower case
/// (<c>&lt;prosody&gt;</c>, <c>&lt;say-as&gt;</c>); they may nest each other and text runs.
/// </summary>
public abstract class SsmlElement(string tagName, string? words) : TwiML(tagName)
{
    public string? Words { get; set; } = words;

    protected override bool CanNest(TwiML child) => child is Text or SsmlElement;

    protected override string? GetElementBody() => Words;
}
