namespace PhoneBooking.Softphone.Calls;

/// <summary>Where Twilio geolocates the two numbers (FromCity, ToState…): empty strings where unknown, as Twilio sends.</summary>
public sealed record CallerProfile
{
    public string FromCity { get; init; } = "OTTAWA";
    public string FromState { get; init; } = "ON";
    public string FromZip { get; init; } = "";
    public string FromCountry { get; init; } = "CA";
    public string ToCity { get; init; } = "";
    public string ToState { get; init; } = "";
    public string ToZip { get; init; } = "";
    public string ToCountry { get; init; } = "CA";
}
