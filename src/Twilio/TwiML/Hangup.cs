namespace PhoneBooking.Twilio.TwiML;

/// <summary>&lt;Hangup/&gt;.</summary>
public sealed class Hangup() : TwiML("Hangup")
{
    protected override bool CanNest(TwiML child) => false;
}
