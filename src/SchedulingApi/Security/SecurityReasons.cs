namespace PhoneBooking.SchedulingApi.Security;

/// <summary>Why a request was refused: fixed words, used as log values and metric tags (never a value from the request).</summary>
public static class SecurityReasons
{
    public const string MissingKey = "missing-key";
    public const string InvalidKey = "invalid-key";
    public const string MissingScope = "missing-scope";
    public const string ChannelNotAllowed = "channel-not-allowed";
    public const string RequestRate = "request-rate";
    public const string BookingRate = "booking-rate";
    public const string CodeThrottled = "code-throttled";
    public const string ClientThrottled = "client-throttled";
    public const string DuplicatePerson = "duplicate-person";
}
