namespace PhoneBooking.Twilio.TwiML;

/// <summary>&lt;Sip&gt; noun of &lt;Dial&gt;: a SIP endpoint (e.g. the call centre's PBX).</summary>
public sealed class Sip(Uri sipUrl, string? username = null, string? password = null, Uri? url = null, HttpMethod? method = null)
    : TwiML("Sip")
{
    public Uri SipUrl { get; set; } = sipUrl;

    public string? Username { get; set; } = username;

    public string? Password { get; set; } = password;

    public Uri? Url { get; set; } = url;

    public HttpMethod? Method { get; set; } = method;

    protected override bool CanNest(TwiML child) => false;

    protected override string? GetElementBody() => SipUrl.OriginalString;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() =>
        [("username", Username), ("password", Password), ("url", Url), ("method", Method)];
}
