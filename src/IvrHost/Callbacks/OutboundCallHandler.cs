using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Callbacks.Dialer;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Twilio;
using PhoneBooking.Twilio.Rest;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.TwiML;
using HttpMethod = Twilio.Http.HttpMethod;

namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>
/// Twilio's webhooks for a callback call. Answered: the introduction (the line's number, "we never ask
/// for payment") plays while asynchronous machine detection listens; then the call goes to the call
/// flow at the callback's entry (a person), or to the short message (a machine). A machine recognised
/// only after the flow began (a long greeting, DetectMessageEnd) is redirected to the message through
/// the REST API. Status callbacks move the attempt; a miss schedules the retry.
/// </summary>
public sealed class OutboundCallHandler(
    ICallbackRequests requests,
    ICallbackQueue queue,
    CallTurns turns,
    PromptCatalog prompts,
    OutboundUrls urls,
    IServiceProvider services,
    IOptionsMonitor<CallbackOptions> options,
    IOptionsMonitor<TwilioOptions> twilio,
    TimeProvider clock,
    DialerMetrics metrics,
    ILogger<OutboundCallHandler> logger)
{
    public async Task<VoiceResponse> AnsweredAsync(OutboundHook hook, CancellationToken ct)
    {
        if (await FindAsync(hook, ct) is not { } callback)
        {
            return new VoiceResponse().Hangup();
        }

        await queue.RecordStatusAsync(hook.Status("in-progress"), options.CurrentValue.EffectiveRetryDelays, clock.GetUtcNow(), ct);
        var response = new VoiceResponse();
        var intro = Lines.LineNumber(Lines.CallbackIntro, twilio.CurrentValue.PhoneNumber!);
        response.Append(prompts.Render(intro.Id, callback.Locale, intro.Arguments));
        return response.Redirect(OutboundUrls.Continue(hook.CallbackId, hook.Attempt, wait: 0), HttpMethod.Post);
    }

    public async Task<VoiceResponse> ContinueAsync(OutboundHook hook, int wait, CancellationToken ct)
    {
        if (await FindAsync(hook, ct) is not { } callback)
        {
            return new VoiceResponse().Hangup();
        }

        var decision = await queue.RouteAsync(hook.CallbackId, hook.Attempt, wait >= options.CurrentValue.MachineDetectionWaits, clock.GetUtcNow(), ct);
        if (decision.New)
        {
            metrics.Outcome(decision.Route == AttemptRoute.Flow ? "human" : "machine");
            DialerLog.Routed(logger, hook.CallbackId, hook.Attempt, hook.Webhook.CallSid, decision.Route);
        }

        return decision.Route switch
        {
            AttemptRoute.Flow => await turns.AnswerCallbackAsync(hook.Webhook, callback, callback.Entry, ct),
            AttemptRoute.Voicemail => await turns.AnswerCallbackAsync(hook.Webhook, callback, CallEntry.AnsweringMachine, ct),

            // Machine detection has not decided yet: a second of silence, then ask again.
            _ => new VoiceResponse().Pause(1).Redirect(OutboundUrls.Continue(hook.CallbackId, hook.Attempt, wait + 1), HttpMethod.Post),
        };
    }

    /// <summary>The REST redirect's target once a machine was recognised mid-flow: the message, then hang up.</summary>
    public async Task<VoiceResponse> MachineAsync(OutboundHook hook, CancellationToken ct) =>
        await FindAsync(hook, ct) is { } callback
            ? await turns.AnswerCallbackAsync(hook.Webhook, callback, CallEntry.AnsweringMachine, ct)
            : new VoiceResponse().Hangup();

    public async Task MachineDetectedAsync(OutboundHook hook, CancellationToken ct)
    {
        if (hook.AnsweredBy is not { } answeredBy
            || !await queue.MachineDetectedAsync(hook.CallbackId, hook.Attempt, answeredBy, clock.GetUtcNow(), ct))
        {
            return;
        }

        metrics.Outcome("machine-late");
        try
        {
            ct.ThrowIfCancellationRequested();
            await CallResource.UpdateAsync(
                new UpdateCallOptions(hook.Webhook.CallSid) { Url = urls.Machine(hook.CallbackId, hook.Attempt), Method = HttpMethod.Post },
                client: services.GetRequiredService<ITwilioRestClient>());
        }
        catch (TwilioException e) when (e is ApiException or ApiConnectionException)
        {
            // Most often the call already ended: nothing left to say to the machine. Twilio's own
            // message can quote phone numbers: only the code and status are logged.
            DialerLog.RedirectFailed(logger, hook.CallbackId, hook.Webhook.CallSid, TwilioFailure.Describe(e));
        }
    }

    public async Task StatusAsync(OutboundHook hook, CancellationToken ct)
    {
        if (hook.Webhook.CallStatus is not { Length: > 0 } status)
        {
            return;
        }

        var update = await queue.RecordStatusAsync(hook.Status(status), options.CurrentValue.EffectiveRetryDelays, clock.GetUtcNow(), ct);
        if (!update.Known)
        {
            DialerLog.Unknown(logger, hook.CallbackId, hook.Attempt, hook.Webhook.CallSid);
            return;
        }

        if (update.LateForSettled)
        {
            DialerLog.LateStatus(logger, hook.CallbackId, hook.Attempt, hook.Webhook.CallSid, status);
        }

        DialerLog.Status(logger, hook.CallbackId, hook.Attempt, hook.Webhook.CallSid, status, hook.AnsweredBy, update.Callback);
        if (update.Miss)
        {
            metrics.Outcome(status == "completed" ? "hung-up" : status);
        }

        if (update.Final)
        {
            await turns.StatusAsync(hook.Webhook, ct);
        }
    }

    private async Task<CallbackRequest?> FindAsync(OutboundHook hook, CancellationToken ct)
    {
        var record = await requests.GetAsync(hook.CallbackId, ct);
        if (record is null || record.Attempts.All(a => a.Number != hook.Attempt))
        {
            DialerLog.Unknown(logger, hook.CallbackId, hook.Attempt, hook.Webhook.CallSid);
            return null;
        }

        return record.Request;
    }
}

/// <summary>A Twilio webhook of a callback call: the form, and the callback id and attempt from its URL.</summary>
public sealed record OutboundHook(VoiceWebhook Webhook, string CallbackId, int Attempt, string? AnsweredBy)
{
    public AttemptStatus Status(string status) => new(CallbackId, Attempt, Webhook.CallSid, status, AnsweredBy);
}
