namespace PhoneBooking.Twilio.TwiML;

/// <summary>&lt;Redirect method="POST"&gt;url&lt;/Redirect&gt;: continue the call with TwiML from another URL.</summary>
public sealed class Redirect(Uri url, HttpMethod? method = null) : TwiML("Redirect")
{
    public Uri Url { get; set; } = url;

    public HttpMethod? Method { get; set; } = method;

    protected override bool CanNest(TwiML child) => false;

    protected override string? GetElementBody() => Url.OriginalString;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() => [("method", Method)];
}
