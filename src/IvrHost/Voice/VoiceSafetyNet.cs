using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Observability;
using PhoneBooking.Twilio.AspNetCore;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// Whatever goes wrong inside a voice webhook (a store that fails, a bug), the caller hears an
/// apology and the queue for a person — never Twilio's "application error", never a 500. It counts
/// as a webhook with outcome <c>error</c>: the webhook SLO (docs/slo.md) counts it as failed.
/// </summary>
public sealed partial class VoiceSafetyNet(FallbackTwiml fallback, IvrMetrics metrics, TimeProvider clock, ILogger<VoiceSafetyNet> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var started = clock.GetTimestamp();
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            metrics.WebhookHandled(RouteOf(context.HttpContext), IvrMetrics.ErrorOutcome, clock.GetElapsedTime(started));
            var callSid = context.HttpContext.Request.HasFormContentType ? context.HttpContext.Request.Form["CallSid"].ToString() : "";
            LogFailed(logger, exception, context.HttpContext.Request.Path, VoiceWebhook.MaxCallSidLength >= callSid.Length ? callSid : "");
            // Inside the queue's wait only a few verbs are allowed (no Enqueue, no Dial): keep the caller holding.
            return (AgentLine.PlaysWhileQueued(context.HttpContext.Request.Path) ? fallback.Holding : fallback.Response).ToTwiMLResult();
        }
    }

    /// <summary>The route pattern as the call flow names it (<c>voice/input</c>): never the path, which could carry anything.</summary>
    private static string RouteOf(HttpContext http) =>
        (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.TrimStart('/') ?? "unknown";

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Webhook {Path} of call {CallSid} failed; the caller was sent to a person")]
    private static partial void LogFailed(ILogger logger, Exception exception, PathString path, string callSid);
}
