using Microsoft.AspNetCore.Http;

namespace PhoneBooking.Twilio.AspNetCore;

/// <summary><c>Results.Extensions.TwiML(response)</c> and <c>response.ToTwiMLResult()</c>, as in Twilio.AspNet.Core.</summary>
public static class ResultsExtensions
{
    public static TwiMLResult TwiML(this IResultExtensions results, global::Twilio.TwiML.TwiML twimlResponse)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new TwiMLResult(twimlResponse);
    }

    public static TwiMLResult ToTwiMLResult(this global::Twilio.TwiML.TwiML twimlResponse) => new(twimlResponse);
}
