namespace PhoneBooking.Twilio.TwiML;

/// <summary>&lt;Queue&gt; noun of &lt;Dial&gt;: connect to the caller at the front of a queue (agent side).</summary>
public sealed class Queue(string name, Uri? url = null, HttpMethod? method = null) : TwiML("Queue")
{
    public string Name { get; set; } = name;

    /// <summary>TwiML played to the dequeued caller before they are connected.</summary>
    public Uri? Url { get; set; } = url;

    public HttpMethod? Method { get; set; } = method;

    protected override bool CanNest(TwiML child) => false;

    protected override string? GetElementBody() => Name;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() => [("url", Url), ("method", Method)];
}
