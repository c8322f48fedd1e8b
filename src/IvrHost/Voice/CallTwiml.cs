using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using Twilio.Types;
using HttpMethod = Twilio.Http.HttpMethod;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// A <see cref="Step"/> as TwiML, a plain mapping: its lines inside a <c>Gather</c> that listens exactly as
/// the step says (action: the turn only, no personal data), or before a hang-up, or before the way to a
/// person (the agents' queue, or the call centre's number or SIP address when one is set).
/// </summary>
public sealed class CallTwiml(LineSpeaker speaker, IOptions<LineOptions> options)
{
    /// <summary>How long the call centre's line rings before the caller hears the call-back offer.</summary>
    public const int AgentDialTimeoutSeconds = 30;

    public VoiceResponse Render(Step step)
    {
        var response = new VoiceResponse();
        var words = speaker.Speak(step.Say, step.Session);
        switch (step.Next)
        {
            case Listening listening:
                var gather = Gather(listening);
                foreach (var said in words)
                {
                    gather.Append(said);
                }

                if (listening.Holding && options.Value.HoldMusicUrl is { } music)
                {
                    gather.Play(music);
                }

                return response.Append(gather);

            case HangUp:
                return Append(response, words).Hangup();

            case ToPerson:
                // Its action URL answers how it ended (no one free, a call back chosen): nothing follows here.
                return ConnectToAgent(Append(response, words));

            default:
                throw new InvalidOperationException($"Step in {step.Session.State} cannot be rendered: the host must finish its work first.");
        }
    }

    /// <summary>A call Twilio said is over: no words, no input, nothing revealed.</summary>
    public static VoiceResponse Ended() => new VoiceResponse().Hangup();

    private static Gather Gather(Listening listening) => new(
        input: listening.Speech is null ? [global::Twilio.TwiML.Voice.Gather.InputEnum.Dtmf] : [global::Twilio.TwiML.Voice.Gather.InputEnum.Dtmf, global::Twilio.TwiML.Voice.Gather.InputEnum.Speech],
        action: VoiceRoutes.InputFor(listening.Turn),
        method: HttpMethod.Post,
        timeout: listening.TimeoutSeconds,
        speechTimeout: listening.Speech is null ? null : "auto",
        finishOnKey: listening.FinishOnKey,
        numDigits: listening.NumDigits,
        language: listening.Speech is { } speech ? (Gather.LanguageEnum)speech.Language : null,
        hints: listening.Speech is { Hints.Count: > 0 } withHints ? string.Join(", ", withHints.Hints) : null,
        actionOnEmptyResult: true);

    private VoiceResponse ConnectToAgent(VoiceResponse response)
    {
        var line = options.Value;
        if (line.AgentNumber is { Length: > 0 } || line.AgentSip is { Length: > 0 })
        {
            var dial = new Dial(action: VoiceRoutes.AgentDialed.Relative, method: HttpMethod.Post, timeout: AgentDialTimeoutSeconds);
            return response.Append(line.AgentSip is { Length: > 0 } sip ? dial.Sip(new Uri(sip)) : dial.Number(new PhoneNumber(line.AgentNumber!)));
        }

        return response.Enqueue(
            line.AgentQueue,
            action: VoiceRoutes.QueueResult.Relative,
            method: HttpMethod.Post,
            waitUrl: VoiceRoutes.QueueWait.Relative,
            waitUrlMethod: HttpMethod.Post);
    }

    private static VoiceResponse Append(VoiceResponse response, IEnumerable<TwiML> words)
    {
        foreach (var said in words)
        {
            response.Append(said);
        }

        return response;
    }
}
