using PhoneBooking.Twilio.Types;

namespace PhoneBooking.Twilio.TwiML;

/// <summary>&lt;Number&gt; noun of &lt;Dial&gt;; <c>url</c> runs TwiML for the called party before connecting.</summary>
public sealed class Number(PhoneNumber phoneNumber, string? sendDigits = null, Uri? url = null, HttpMethod? method = null) : TwiML("Number")
{
    public PhoneNumber PhoneNumber { get; set; } = phoneNumber;

    public string? SendDigits { get; set; } = sendDigits;

    public Uri? Url { get; set; } = url;

    public HttpMethod? Method { get; set; } = method;

    protected override bool CanNest(TwiML child) => false;

    protected override string? GetElementBody() => PhoneNumber.ToString();

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() =>
        [("sendDigits", SendDigits), ("url", Url), ("method", Method)];
}
