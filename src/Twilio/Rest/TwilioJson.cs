using System.Text.Json;

namespace PhoneBooking.Twilio.Rest;

internal static class TwilioJson
{
    /// <summary>Twilio's JSON is snake_case; numbers sometimes arrive quoted.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
