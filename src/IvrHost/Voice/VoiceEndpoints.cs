using Microsoft.AspNetCore.Mvc;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.Twilio.AspNetCore;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>Twilio's voice webhooks. Every route is signature-checked; no personal data travels in a URL.</summary>
public static class VoiceEndpoints
{
    public static IEndpointRouteBuilder MapVoice(this IEndpointRouteBuilder app)
    {
        var voice = app.MapGroup("/voice")
            .AddEndpointFilter<WebhookBodyLimit>()
            .ValidateTwilioRequest()
            .AddEndpointFilter<VoiceSafetyNet>()
            .WithMetadata(new RequestSizeLimitAttribute(WebhookBodyLimit.MaxBytes))
            .WithFormOptions(valueLengthLimit: (int)WebhookBodyLimit.MaxBytes)
            .WithTags("Voice");

        voice.MapPost("/", AnswerAsync);
        voice.MapPost("/input", ContinueAsync);
        voice.MapPost("/status", StatusAsync);
        voice.MapPost("/queue/wait", (HttpRequest request, AgentLine line, CancellationToken ct) => AgentLineAsync(request, line.WaitAsync, ct));
        voice.MapPost("/queue/callback", (HttpRequest request, AgentLine line, CancellationToken ct) => AgentLineAsync(request, line.KeepPlaceAsync, ct));
        voice.MapPost("/queue/result", (HttpRequest request, AgentLine line, CancellationToken ct) => AgentLineAsync(request, line.QueueEndedAsync, ct));
        voice.MapPost("/agent/dialed", (HttpRequest request, AgentLine line, CancellationToken ct) => AgentLineAsync(request, line.DialEndedAsync, ct));
        voice.MapPost("/agent/callback", (HttpRequest request, AgentLine line, CancellationToken ct) => AgentLineAsync(request, line.CallbackChosenAsync, ct));
        voice.MapPost("/fallback", FallbackAsync);
        voice.MapCallbacks();
        return app;
    }

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

    /// <summary>A caller on the way to a person: the queue's hold loop, how a wait or dial-through ended, a call back.</summary>
    private static async Task<IResult> AgentLineAsync(HttpRequest request, Func<AgentLineWebhook, CancellationToken, Task<VoiceResponse>> handle, CancellationToken ct) =>
        request.HasFormContentType && AgentLineWebhook.Read(await request.ReadFormAsync(ct)) is { } hook
            ? (await handle(hook, ct)).ToTwiMLResult()
            : MissingCallSid();

    /// <summary>Twilio's Fallback URL: needs nothing but this process (no store, no API).</summary>
    private static IResult FallbackAsync(FallbackTwiml fallback) => fallback.Response.ToTwiMLResult();

    private static async Task<VoiceWebhook?> ReadAsync(HttpRequest request) =>
        request.HasFormContentType ? VoiceWebhook.Read(await request.ReadFormAsync()) : null;

    private static IResult MissingCallSid() =>
        TypedResults.Problem(title: "Not a voice webhook.", detail: "A form with a CallSid (letters and digits) is required.", statusCode: StatusCodes.Status400BadRequest);
}
