namespace PhoneBooking.Twilio.TwiML;

/// <summary>&lt;Client&gt; noun of &lt;Dial&gt;: a Twilio Voice SDK client (an agent's browser or softphone).</summary>
public sealed class Client(string identity, Uri? url = null, HttpMethod? method = null) : TwiML("Client")
{
    public string Identity { get; set; } = identity;

    public Uri? Url { get; set; } = url;

    public HttpMethod? Method { get; set; } = method;

    protected override bool CanNest(TwiML child) => false;

    protected override string? GetElementBody() => Identity;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() => [("url", Url), ("method", Method)];
}
