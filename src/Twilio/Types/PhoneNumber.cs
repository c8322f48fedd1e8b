namespace PhoneBooking.Twilio.Types;

/// <summary>An E.164 number or client/sip address, as Twilio's <c>Twilio.Types.PhoneNumber</c>.</summary>
public sealed record PhoneNumber(string Number)
{
    public static implicit operator PhoneNumber(string number) => new(number);

    public override string ToString() => Number;
}
