namespace PhoneBooking.Twilio.TwiML;

/// <summary><c>&lt;prosody&gt;</c>: volume (e.g. "loud", "+6dB"), rate ("slow", "90%"), pitch ("low", "-10%").</summary>
public sealed class SsmlProsody(string? words = null, string? volume = null, string? rate = null, string? pitch = null)
    : SsmlElement("prosody", words)
{
    public string? Volume { get; set; } = volume;

    public string? Rate { get; set; } = rate;

    public string? Pitch { get; set; } = pitch;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() =>
        [("volume", Volume), ("rate", Rate), ("pitch", Pitch)];
}
