using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PhoneBooking.Twilio.AspNetCore;

public static class TwilioEndpointExtensions
{
    /// <summary>
    /// Checks <c>X-Twilio-Signature</c> on every endpoint of the group (or on one endpoint), and turns
    /// antiforgery off there: Twilio cannot send an antiforgery token, and the signature is the CSRF defence.
    /// </summary>
    public static TBuilder ValidateTwilioRequest<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        // Minimal APIs bind a JSON body before endpoint filters run; buffering it first lets the
        // filter hash the same bytes (bodySHA256) after binding has read them.
        builder.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate;
            if (next is not null)
            {
                endpoint.RequestDelegate = context =>
                {
                    if (context.Request.Query.ContainsKey(BodySha256Parameter))
                    {
                        context.Request.EnableBuffering();
                    }

                    return next(context);
                };
            }
        });
        return builder.AddEndpointFilter<TBuilder, ValidateTwilioRequestFilter>().DisableAntiforgery();
    }

    internal const string BodySha256Parameter = "bodySHA256";
}
