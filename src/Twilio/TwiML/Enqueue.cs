namespace PhoneBooking.Twilio.TwiML;

/// <summary>&lt;Enqueue&gt;: put the caller in a named queue; waitUrl plays while they wait.</summary>
public sealed class Enqueue(
    string? name = null,
    Uri? action = null,
    HttpMethod? method = null,
    Uri? waitUrl = null,
    HttpMethod? waitUrlMethod = null) : TwiML("Enqueue")
{
    public string? Name { get; set; } = name;

    public Uri? Action { get; set; } = action;

    public HttpMethod? Method { get; set; } = method;

    public Uri? WaitUrl { get; set; } = waitUrl;

    public HttpMethod? WaitUrlMethod { get; set; } = waitUrlMethod;

    protected override bool CanNest(TwiML child) => false;

    protected override string? GetElementBody() => Name;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() =>
        [("action", Action), ("method", Method), ("waitUrl", WaitUrl), ("waitUrlMethod", WaitUrlMethod)];
}
