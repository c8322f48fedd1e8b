using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Twilio.AspNetCore;
using Twilio.TwiML;

namespace PhoneBooking.IvrHost.Handoffs;

/// <summary>The webhooks of a caller on the way to a person: the queue's hold loop, how a wait or dial-through ended, a call back.</summary>
public static class HandoffEndpoints
{
    public static IEndpointRouteBuilder MapHandoffs(this IEndpointRouteBuilder app)
    {
        var handoffs = app.MapVoiceGroup().WithTags("Handoffs");
        handoffs.MapPost(VoiceRoutes.QueueWait.Pattern, (HttpRequest request, AgentLine line, CancellationToken ct) => HandleAsync(request, line.WaitAsync, ct));
        handoffs.MapPost(VoiceRoutes.QueueCallback.Pattern, (HttpRequest request, AgentLine line, CancellationToken ct) => HandleAsync(request, line.KeepPlaceAsync, ct));
        handoffs.MapPost(VoiceRoutes.QueueResult.Pattern, (HttpRequest request, AgentLine line, CancellationToken ct) => HandleAsync(request, line.QueueEndedAsync, ct));
        handoffs.MapPost(VoiceRoutes.AgentDialed.Pattern, (HttpRequest request, AgentLine line, CancellationToken ct) => HandleAsync(request, line.DialEndedAsync, ct));
        handoffs.MapPost(VoiceRoutes.AgentCallback.Pattern, (HttpRequest request, AgentLine line, CancellationToken ct) => HandleAsync(request, line.CallbackChosenAsync, ct));
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, Func<AgentLineWebhook, CancellationToken, Task<VoiceResponse>> handle, CancellationToken ct) =>
        request.HasFormContentType && AgentLineWebhook.Read(await request.ReadFormAsync(ct)) is { } hook
            ? (await handle(hook, ct)).ToTwiMLResult()
            : VoiceEndpoints.MissingCallSid();
}
