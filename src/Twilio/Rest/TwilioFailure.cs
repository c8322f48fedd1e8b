using System.Globalization;
using global::Twilio.Exceptions;

namespace PhoneBooking.Twilio.Rest;

/// <summary>
/// A Twilio REST failure in words safe to log. The SDK's <see cref="Exception.Message"/> is not:
/// Twilio's error text can quote the numbers we sent ("The 'To' number +1416… is not valid"), and
/// for a body that is not Twilio's JSON the SDK copies the whole body into it.
/// </summary>
public static class TwilioFailure
{
    public static string Describe(TwilioException exception) => exception switch
    {
        ApiException api => string.Create(CultureInfo.InvariantCulture, $"Twilio error {api.Code}, HTTP {api.Status}"),
        ApiConnectionException connection => $"no answer from Twilio ({connection.InnerException?.GetType().Name ?? "connection error"})",
        _ => exception.GetType().Name,
    };
}
