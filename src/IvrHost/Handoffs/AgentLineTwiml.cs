using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using HttpMethod = Twilio.Http.HttpMethod;

namespace PhoneBooking.IvrHost.Handoffs;

/// <summary>
/// What a caller on their way to a person hears: the hold loop (place, expected wait, and after a
/// while the offer to be called back), the confirmation, and the apology when no one can take the
/// call — always in the caller's language and at their speech rate.
/// </summary>
public sealed class AgentLineTwiml(PromptCatalog prompts, LineClock lineClock, IOptions<LineOptions> options)
{
    /// <summary>Silence between two announcements; Twilio asks the wait URL again when the round ends.</summary>
    private const int HoldPauseSeconds = 20;

    private const int OfferTimeoutSeconds = 5;

    /// <summary>One round of the queue's hold loop (only Say, Gather, Pause: Twilio's wait-URL verbs).</summary>
    public VoiceResponse Wait(CallSession? session, AgentLineWebhook hook)
    {
        var response = new VoiceResponse();
        if (hook.QueuePosition is { } position)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((hook.AverageQueueTime ?? TimeSpan.Zero).TotalMinutes));
            response.Append(Say(session, "agent.queue.wait", new()
            {
                ["position"] = SpeechValue.Count(position),
                ["minutes"] = SpeechValue.Minutes(minutes),
            }));
        }

        // A call the line placed is already a call back: it is not offered another.
        if (CanCallBack(session) && !hook.Outbound && hook.QueueTime >= options.Value.QueueCallbackOfferAfter)
        {
            response.Append(Offer(AgentLine.QueueCallbackPath).Append(Say(session, "agent.queue.callback_offer")));
        }

        return response.Pause(HoldPauseSeconds);
    }

    /// <summary>Back to the hold loop (a key other than 1 in the wait's offer).</summary>
    public static VoiceResponse KeepHolding() => new VoiceResponse().Redirect(new Uri(CallTwiml.QueueWaitPath, UriKind.Relative), HttpMethod.Post);

    /// <summary>Out of the queue: Twilio then asks the Enqueue action, which confirms the call back.</summary>
    public static VoiceResponse LeaveQueue() => new VoiceResponse().Leave();

    public VoiceResponse CallbackConfirmed(CallSession session) =>
        new VoiceResponse().Append(Say(session, "agent.queue.callback_confirmed")).Hangup();

    public VoiceResponse Goodbye(CallSession? session) => new VoiceResponse().Append(Say(session, "goodbye")).Hangup();

    /// <summary>
    /// No one could take the call (queue full or failed, dial-through unanswered): an apology and the
    /// offer to be called back; without a key press, the overflow number, or an apology and goodbye.
    /// </summary>
    public VoiceResponse Unavailable(CallSession? session)
    {
        var response = new VoiceResponse();
        if (CanCallBack(session))
        {
            response.Append(Offer(AgentLine.CallbackChoicePath).Append(Say(session, "agent.unavailable.callback_offer")));
        }

        if (options.Value.OverflowNumber is { Length: > 0 } overflow)
        {
            return response.Append(Say(session, "agent.transfer")).Dial(overflow).Hangup();
        }

        return response.Append(Say(session, "agent.unavailable")).Hangup();
    }

    /// <summary>A call back needs a number to call.</summary>
    public static bool CanCallBack(CallSession? session) => session is not null && (session.CallbackNumber ?? session.CallerId) is not null;

    private static Gather Offer(string action) => new(
        input: [Gather.InputEnum.Dtmf],
        action: new Uri(action, UriKind.Relative),
        method: HttpMethod.Post,
        timeout: OfferTimeoutSeconds,
        numDigits: 1);

    private TwiML Say(CallSession? session, string id, Dictionary<string, SpeechValue>? arguments = null)
    {
        var locale = session?.Locale ?? prompts.DefaultLocale;
        var rate = session?.SlowSpeech == true ? SpeechRate.Slow : SpeechRate.Normal;
        return prompts.Render(id, locale, arguments ?? (session is null ? null : PromptArguments.For(id, session, lineClock.Context().Today)), rate);
    }
}
