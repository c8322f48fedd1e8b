using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;
using PhoneBooking.Twilio;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using Twilio.Types;
using HttpMethod = Twilio.Http.HttpMethod;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// Renders where a call is as TwiML: what to say on the way (the preamble), then the state's
/// prompt inside a <c>Gather</c> whose action carries only the turn number (no personal data in
/// URLs), or the ending (hang up, or the queue for a person).
/// </summary>
public sealed class CallTwiml(CallFlowMachine machine, PromptCatalog prompts, IIncidentBoard incidents, LineClock lineClock, IOptions<LineOptions> options, IOptionsMonitor<TwilioOptions> twilio)
{
    public const string InputPath = "/voice/input";
    public const string QueueWaitPath = "/voice/queue/wait";

    /// <summary>How long the call centre's line rings before the caller hears the call-back offer.</summary>
    public const int AgentDialTimeoutSeconds = 30;

    public VoiceResponse Render(CallSession session, IReadOnlyList<PromptLine> said)
    {
        var today = lineClock.Context().Today;
        var response = new VoiceResponse();
        var spec = machine.Flow[session.State];
        switch (spec)
        {
            case AskState ask:
                var gather = Gather(ask.Input, session);
                var ids = session.Failures > 0 && ask.Help is { } help ? [help] : ask.Prompts;
                foreach (var twiml in Speak(said.Select(l => l.Id).Concat(ids), session, today))
                {
                    gather.Append(twiml);
                }

                response.Append(gather);
                break;

            case EndState end:
                foreach (var twiml in Speak(said.Select(l => l.Id).Concat(end.Prompts), session, today))
                {
                    response.Append(twiml);
                }

                if (end.Ending == Ending.ToAgent)
                {
                    // Its action URL answers how it ended (no one free, a call back chosen): nothing follows here.
                    ConnectToAgent(response);
                }
                else
                {
                    response.Hangup();
                }

                break;

            default:
                throw new InvalidOperationException($"State {session.State} ({spec.GetType().Name}) cannot be rendered: the host must finish its work first.");
        }

        return response;
    }

    /// <summary>Through to the call centre's number or SIP address when one is set, else the agents' queue.</summary>
    private void ConnectToAgent(VoiceResponse response)
    {
        var line = options.Value;
        if (line.AgentNumber is { Length: > 0 } || line.AgentSip is { Length: > 0 })
        {
            var dial = new Dial(action: new Uri(AgentLine.DialResultPath, UriKind.Relative), method: HttpMethod.Post, timeout: AgentDialTimeoutSeconds);
            response.Append(line.AgentSip is { Length: > 0 } sip ? dial.Sip(new Uri(sip)) : dial.Number(new PhoneNumber(line.AgentNumber!)));
            return;
        }

        response.Enqueue(
            line.AgentQueue,
            action: new Uri(AgentLine.QueueResultPath, UriKind.Relative),
            method: HttpMethod.Post,
            waitUrl: new Uri(QueueWaitPath, UriKind.Relative),
            waitUrlMethod: HttpMethod.Post);
    }

    private static Gather Gather(InputSpec input, CallSession session) => new(
        input: input.AcceptsSpeech ? [global::Twilio.TwiML.Voice.Gather.InputEnum.Dtmf, global::Twilio.TwiML.Voice.Gather.InputEnum.Speech] : [global::Twilio.TwiML.Voice.Gather.InputEnum.Dtmf],
        action: new Uri($"{InputPath}?turn={session.Turn}", UriKind.Relative),
        method: HttpMethod.Post,
        timeout: input.TimeoutSeconds,
        numDigits: input.NumDigits,
        finishOnKey: input.FinishOnPound ? "#" : "",
        language: input.AcceptsSpeech ? (Gather.LanguageEnum)session.Locale : null,
        actionOnEmptyResult: true);

    private IEnumerable<TwiML> Speak(IEnumerable<string> ids, CallSession session, DateOnly today)
    {
        var rate = Rate(session);
        foreach (var id in ids)
        {
            switch (id)
            {
                case "welcome":
                    yield return prompts.Render(id, session.Locale, rate: rate);
                    if (incidents.Current is { Length: > 0 } message)
                    {
                        yield return prompts.Render("welcome.incident", session.Locale, new Dictionary<string, SpeechValue> { ["message"] = SpeechValue.Text(message) }, rate);
                    }

                    break;

                case "language.choose":
                    // Each language offers itself, in its own voice, before the caller has chosen.
                    foreach (var locale in prompts.Locales)
                    {
                        yield return prompts.Render(id, locale, rate: rate);
                    }

                    break;

                default:
                    var variant = PromptArguments.Variant(id, session);
                    yield return prompts.Render(variant, session.Locale, PromptArguments.For(variant, session, today, twilio.CurrentValue.PhoneNumber), rate);
                    break;
            }
        }
    }

    private static SpeechRate Rate(CallSession session) => session.SlowSpeech ? SpeechRate.Slow : SpeechRate.Normal;
}
