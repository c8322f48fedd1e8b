using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PhoneBooking.Twilio.AspNetCore;

/// <summary>
/// Endpoint filter (Twilio.AspNet.Core: <c>ValidateTwilioRequestFilter</c>): a request without a
/// valid <c>X-Twilio-Signature</c> gets 403 and the endpoint never runs. The warning names the
/// path, the CallSid (only when it has Twilio's shape: the request is unsigned, so the field is
/// whatever an attacker sent) and the reason, never a parameter value.
/// </summary>
public sealed partial class ValidateTwilioRequestFilter(
    TwilioRequestVerifier verifier,
    TwilioMetrics metrics,
    ILogger<ValidateTwilioRequestFilter> logger) : IEndpointFilter
{
    /// <summary>Logged in place of a CallSid that is not CA + 32 hex digits.</summary>
    public const string MalformedCallSid = "(not a CallSid)";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var (rejection, callSid) = await verifier.VerifyAsync(request, context.HttpContext.RequestAborted);
        if (rejection is not { } reason)
        {
            return await next(context);
        }

        if (reason == WebhookRejection.NoAuthToken)
        {
            LogNoAuthToken(logger, request.Path);
        }
        else
        {
            LogRejected(logger, request.Path, Loggable(callSid), reason);
        }

        metrics.WebhookRejected(reason.ToString());
        return TypedResults.Problem(title: "Twilio request validation failed.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static string? Loggable(string? callSid) =>
        callSid is null ? null : CallSidShape().IsMatch(callSid) ? callSid : MalformedCallSid;

    [GeneratedRegex("^CA[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CallSidShape();

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Refused Twilio webhook {Path} for call {CallSid}: {Reason}")]
    private static partial void LogRejected(ILogger logger, PathString path, string? callSid, WebhookRejection reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Refused Twilio webhook {Path}: Twilio:AuthToken is not configured, so no signature can be checked and every webhook is refused")]
    private static partial void LogNoAuthToken(ILogger logger, PathString path);
}
