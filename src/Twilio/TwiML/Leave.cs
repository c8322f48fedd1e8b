namespace PhoneBooking.Twilio.TwiML;

/// <summary>&lt;Leave/&gt;: take the caller out of the queue; the call continues after &lt;Enqueue&gt;.</summary>
public sealed class Leave() : TwiML("Leave")
{
    protected override bool CanNest(TwiML child) => false;
}
