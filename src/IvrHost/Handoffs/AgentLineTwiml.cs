using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Prompts.Speech;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using HttpMethod = Twilio.Http.HttpMethod;

namespace PhoneBooking.IvrHost.Handoffs;

/// <summary>
/// What a caller on their way to a person hears: the hold loop (their place and an honest wait, thanks
/// between, and after a while the offer to be called back), the confirmation, and the apology when no
/// one can take the call — in the caller's language (both, before one was chosen) and at their speech rate.
/// </summary>
public sealed class AgentLineTwiml(LineSpeaker speaker, LineClock lineClock, IOptions<LineOptions> options)
{
    /// <summary>Quiet between two announcements; short, so a senior never wonders whether the line dropped.</summary>
    public const int HoldPauseSeconds = 8;

    /// <summary>About how long one round lasts: the place is said every other round, thanks between.</summary>
    public const int RoundSeconds = 15;

    private const int OfferTimeoutSeconds = 5;

    /// <summary>One round of the queue's hold loop (only Say, Play, Gather, Pause: Twilio's wait-URL verbs).</summary>
    public VoiceResponse Wait(CallSession? session, AgentLineWebhook hook)
    {
        var response = new VoiceResponse();
        var round = (int)(hook.QueueTime.TotalSeconds / RoundSeconds);
        if (hook.QueuePosition is { } position && round % 2 == 0)
        {
            List<Line> lines = [position == 1 ? Lines.QueueNext.With() : Lines.QueuePosition.With(("position", SpeechValue.Count(position)))];

            // Twilio's average is how long callers have been waiting; what is left of it, when it is a real wait.
            var left = (hook.AverageQueueTime ?? TimeSpan.Zero) - hook.QueueTime;
            if (left >= TimeSpan.FromMinutes(1.5))
            {
                lines.Add(Lines.QueueMinutes.With(("minutes", SpeechValue.Minutes((int)Math.Round(left.TotalMinutes)))));
            }

            Append(response, Say(session, lines));
        }
        else
        {
            Append(response, Say(session, [Lines.QueueThanks.With()]));
        }

        // A call the line placed is already a call back: it is not offered another.
        if (OffersCallBack(session) && !hook.Outbound && hook.QueueTime >= options.Value.QueueCallbackOfferAfter)
        {
            response.Append(Append(Offer(VoiceRoutes.QueueCallback), Say(session, [Lines.QueueCallbackOffer.With()])));
        }

        return options.Value.HoldMusicUrl is { } music ? response.Play(music) : response.Pause(HoldPauseSeconds);
    }

    /// <summary>Back to the hold loop (a key other than 1 in the wait's offer).</summary>
    public static VoiceResponse KeepHolding() => new VoiceResponse().Redirect(VoiceRoutes.QueueWait.Relative, HttpMethod.Post);

    /// <summary>Out of the queue: Twilio then asks the Enqueue action, which confirms the call back.</summary>
    public static VoiceResponse LeaveQueue() => new VoiceResponse().Leave();

    public VoiceResponse CallbackConfirmed(CallSession session) =>
        Append(new VoiceResponse(), Say(session, [Required.Value(Lines.QueueCallbackConfirmed.For(session, lineClock.Context()))])).Hangup();

    public VoiceResponse Goodbye(CallSession? session) => Append(new VoiceResponse(), Say(session, [Lines.Goodbye.With()])).Hangup();

    /// <summary>
    /// No one could take the call (queue full or failed, dial-through unanswered): an apology and the
    /// offer to be called back; without a key press, the overflow number, or an apology and goodbye.
    /// </summary>
    public VoiceResponse Unavailable(CallSession? session)
    {
        var response = new VoiceResponse();
        if (OffersCallBack(session))
        {
            response.Append(Append(Offer(VoiceRoutes.AgentCallback), Say(session, [Lines.AgentUnavailableCallback.With()])));
        }

        if (options.Value.OverflowNumber is { Length: > 0 } overflow)
        {
            return Append(response, Say(session, [Lines.Transfer.With()])).Dial(overflow).Hangup();
        }

        return Append(response, Say(session, [Lines.AgentUnavailable.With()])).Hangup();
    }

    /// <summary>A call back needs a number to call.</summary>
    /// <summary>A call back is offered when there is a number to call and callbacks are not switched off.</summary>
    private bool OffersCallBack(CallSession? session) => CanCallBack(session) && !lineClock.Context().IsOff(LineFeature.Callbacks);

    public static bool CanCallBack(CallSession? session) => session is not null && (session.CallbackNumber ?? session.CallerId) is not null;

    private static Gather Offer(VoiceRoute action) => new(
        input: [Gather.InputEnum.Dtmf],
        action: action.Relative,
        method: HttpMethod.Post,
        timeout: OfferTimeoutSeconds,
        numDigits: 1);

    /// <summary>Before a language was chosen, every line in every language.</summary>
    private IEnumerable<TwiML> Say(CallSession? session, IReadOnlyList<Line> lines) =>
        speaker.Speak(session?.LanguageChosen == true ? lines : [.. lines.Select(l => l with { EveryLocale = true })], session);

    private static T Append<T>(T parent, IEnumerable<TwiML> children)
        where T : TwiML
    {
        foreach (var child in children)
        {
            parent.Append(child);
        }

        return parent;
    }
}
