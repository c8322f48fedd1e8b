using System.Text.RegularExpressions;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Twilio.AspNetCore;

namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>
/// Twilio's webhooks for callback calls, in the <c>/voice</c> group (signature check, safety net,
/// body limit). Each URL carries the callback id and attempt number only.
/// </summary>
public static partial class CallbackEndpoints
{
    public static IEndpointRouteBuilder MapCallbacks(this IEndpointRouteBuilder app)
    {
        var outbound = app.MapVoiceGroup().WithTags("Callbacks");
        outbound.MapPost(VoiceRoutes.Outbound.Pattern, AnsweredAsync);
        outbound.MapPost(VoiceRoutes.OutboundContinue.Pattern, ContinueAsync);
        outbound.MapPost(VoiceRoutes.OutboundMachine.Pattern, MachineAsync);
        outbound.MapPost(VoiceRoutes.OutboundAmd.Pattern, MachineDetectedAsync);
        outbound.MapPost(VoiceRoutes.OutboundStatus.Pattern, StatusAsync);
        return app;
    }

    private static Task<IResult> AnsweredAsync(HttpRequest request, OutboundCallHandler handler, string? callback, int? attempt, CancellationToken ct) =>
        TwimlAsync(request, callback, attempt, hook => handler.AnsweredAsync(hook, ct));

    private static Task<IResult> ContinueAsync(HttpRequest request, OutboundCallHandler handler, string? callback, int? attempt, int? wait, CancellationToken ct) =>
        TwimlAsync(request, callback, attempt, hook => handler.ContinueAsync(hook, Math.Clamp(wait ?? 0, 0, 1000), ct));

    private static Task<IResult> MachineAsync(HttpRequest request, OutboundCallHandler handler, string? callback, int? attempt, CancellationToken ct) =>
        TwimlAsync(request, callback, attempt, hook => handler.MachineAsync(hook, ct));

    private static async Task<IResult> MachineDetectedAsync(HttpRequest request, OutboundCallHandler handler, string? callback, int? attempt, CancellationToken ct)
    {
        if (await ReadAsync(request, callback, attempt) is not { } hook)
        {
            return BadRequest();
        }

        await handler.MachineDetectedAsync(hook, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> StatusAsync(HttpRequest request, OutboundCallHandler handler, string? callback, int? attempt, CancellationToken ct)
    {
        if (await ReadAsync(request, callback, attempt) is not { } hook)
        {
            return BadRequest();
        }

        await handler.StatusAsync(hook, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> TwimlAsync(HttpRequest request, string? callback, int? attempt, Func<OutboundHook, Task<global::Twilio.TwiML.VoiceResponse>> handle) =>
        await ReadAsync(request, callback, attempt) is { } hook ? (await handle(hook)).ToTwiMLResult() : BadRequest();

    private static async Task<OutboundHook?> ReadAsync(HttpRequest request, string? callback, int? attempt)
    {
        if (callback is null || !CallbackId().IsMatch(callback) || attempt is not (>= 1 and <= 10_000) || !request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync();
        var answeredBy = form["AnsweredBy"].ToString();
        return VoiceWebhook.Read(form) is { } webhook
            ? new OutboundHook(webhook, callback, attempt.Value, answeredBy.Length is > 0 and <= 32 ? answeredBy : null)
            : null;
    }

    private static IResult BadRequest() => TypedResults.Problem(
        title: "Not a callback webhook.",
        detail: "The URL needs callback (letters, digits, dashes) and attempt (1-10000), and the form a CallSid.",
        statusCode: StatusCodes.Status400BadRequest);

    [GeneratedRegex("^[A-Za-z0-9-]{1,128}$")]
    private static partial Regex CallbackId();
}
