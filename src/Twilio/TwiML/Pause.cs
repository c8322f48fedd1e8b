namespace PhoneBooking.Twilio.TwiML;

/// <summary>&lt;Pause length="seconds"/&gt;.</summary>
public sealed class Pause(int? length = null) : TwiML("Pause")
{
    public int? Length { get; set; } = length;

    protected override bool CanNest(TwiML child) => false;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() => [("length", Length)];
}
