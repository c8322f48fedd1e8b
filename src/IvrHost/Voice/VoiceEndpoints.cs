using Microsoft.AspNetCore.Mvc;
using PhoneBooking.IvrHost.Admission;
using PhoneBooking.Twilio.AspNetCore;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>Twilio's voice webhooks. Every route is signature-checked; no personal data travels in a URL.</summary>
public static class VoiceEndpoints
{
    /// <summary>
    /// The <c>/voice</c> group as every feature maps into it: the load the door watches, body limit, Twilio's
    /// signature, the safety net that turns any failure into an apology and a person. Each feature calls this for its own routes.
    /// </summary>
    public static RouteGroupBuilder MapVoiceGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup(VoiceRoutes.Group)
            .AddEndpointFilter<WebhookLoadFilter>()
            .AddEndpointFilter<WebhookBodyLimit>()
            .ValidateTwilioRequest()
            .AddEndpointFilter<VoiceSafetyNet>()
            .WithMetadata(new RequestSizeLimitAttribute(WebhookBodyLimit.MaxBytes))
            .WithFormOptions(valueLengthLimit: (int)WebhookBodyLimit.MaxBytes);

    /// <summary>The call flow's webhooks: a call comes in, a prompt is answered, the call ends; and Twilio's Fallback URL.</summary>
    public static IEndpointRouteBuilder MapVoice(this IEndpointRouteBuilder app)
    {
        var voice = app.MapVoiceGroup().WithTags("Voice");
        voice.MapPost(VoiceRoutes.Answer.Pattern, AnswerAsync);
        voice.MapPost(VoiceRoutes.Input.Pattern, ContinueAsync);
        voice.MapPost(VoiceRoutes.Status.Pattern, StatusAsync);
        voice.MapPost(VoiceRoutes.Fallback.Pattern, FallbackAsync);
        return app;
    }

    /// <summary>A problem+json 400 for a request that is not a voice webhook (no usable CallSid).</summary>
    public static IResult MissingCallSid() =>
        TypedResults.Problem(title: "Not a voice webhook.", detail: "A form with a CallSid (letters and digits) is required.", statusCode: StatusCodes.Status400BadRequest);

    private static async Task<IResult> AnswerAsync(HttpRequest request, CallTurns turns, CancellationToken ct) =>
        await ReadAsync(request) is { } hook ? (await turns.AnswerAsync(hook, ct)).ToTwiMLResult() : MissingCallSid();

    private static async Task<IResult> ContinueAsync(HttpRequest request, CallTurns turns, int? turn, CancellationToken ct) =>
        await ReadAsync(request) is { } hook ? (await turns.ContinueAsync(hook, turn ?? -1, ct)).ToTwiMLResult() : MissingCallSid();

    private static async Task<IResult> StatusAsync(HttpRequest request, CallTurns turns, CancellationToken ct)
    {
        if (await ReadAsync(request) is not { } hook)
        {
            return MissingCallSid();
        }

        await turns.StatusAsync(hook, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Twilio's Fallback URL: needs nothing but this process (no store, no API).</summary>
    private static IResult FallbackAsync(FallbackTwiml fallback) => fallback.Response.ToTwiMLResult();

    private static async Task<VoiceWebhook?> ReadAsync(HttpRequest request) =>
        request.HasFormContentType ? VoiceWebhook.Read(await request.ReadFormAsync()) : null;
}
