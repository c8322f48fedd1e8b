namespace PhoneBooking.Twilio.TwiML;

/// <summary>&lt;Play&gt;: an audio file (loop 0 = until the call ends), or DTMF digits to send.</summary>
public sealed class Play(Uri? url = null, int? loop = null, string? digits = null) : TwiML("Play")
{
    public Uri? Url { get; set; } = url;

    public int? Loop { get; set; } = loop;

    public string? Digits { get; set; } = digits;

    protected override bool CanNest(TwiML child) => false;

    protected override string? GetElementBody() => Url?.OriginalString;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() => [("loop", Loop), ("digits", Digits)];
}
