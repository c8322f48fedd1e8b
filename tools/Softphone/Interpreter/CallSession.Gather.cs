using System.Globalization;
using System.Text;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Transcripts;
using PhoneBooking.Softphone.Twiml;

namespace PhoneBooking.Softphone.Interpreter;

internal sealed partial class CallSession
{
    /// <summary>
    /// &lt;Gather&gt;, as twilio.com/docs/voice/twiml/gather describes it: plays its nested Say/Play/Pause while
    /// already listening (the first input accepted stops them: barge-in), then listens. Keys end on finishOnKey
    /// (not included in Digits), at numDigits, or after timeout seconds without another key; keys pressed after
    /// that are not this Gather's (they reach whatever the line does next). finishOnKey before any digit is no
    /// input ("enters # before entering any other digits": the document goes on). Input goes to the action
    /// (default: this document's URL); no input falls through to the next verb unless actionOnEmptyResult.
    /// </summary>
    private async Task<VerbOutcome> GatherAsync(GatherVerb gather, Uri? documentUrl, CancellationToken cancellationToken)
    {
        TimedInput? first = null;
        foreach (var prompt in gather.Prompts)
        {
            var played = await ExecuteAsync(prompt, documentUrl, cancellationToken, gather.Input);
            if (played is BargeInOutcome bargeIn)
            {
                first = bargeIn.Input;
                break;
            }

            if (played is not ContinueOutcome)
            {
                return played;
            }
        }

        var gatherId = ++_gathers;
        Add(TranscriptKind.Gather, Listening(gather));
        var digits = new StringBuilder();
        var ended = GatherEnd.Listening;
        SpeechInput? speech = null;
        while (ended == GatherEnd.Listening)
        {
            CallerInput input;
            if (first is not null)
            {
                // An utterance that stopped the prompt is the Gather's once the caller has said it.
                await timeline.WaitAsync(first.Lasts, cancellationToken);
                (input, first) = (first.Input, null);
            }
            else
            {
                var request = new InputRequest(gatherId, gather.Input, gather.Timeout, digits.ToString(), gather.NumDigits, gather.FinishOnKey, gather.Language, gather.Hints);
                input = await caller.NextInputAsync(request, timeline, cancellationToken);
            }

            switch (input)
            {
                case HangUpInput:
                    return CallerHungUp();
                case KeyInput key when !gather.Input.HasFlag(GatherInput.Dtmf):
                    Add(TranscriptKind.Note, $"key {key.Key} ignored: this Gather listens for speech only");
                    break;
                case KeyInput key when gather.FinishOnKey.Length == 1 && key.Key == gather.FinishOnKey[0]:
                    ended = digits.Length == 0 ? GatherEnd.FinishOnKeyFirst : GatherEnd.FinishOnKey;
                    break;
                case KeyInput key:
                    digits.Append(key.Key);
                    if (gather.NumDigits is { } wanted && digits.Length >= wanted)
                    {
                        ended = GatherEnd.NumDigits;
                    }

                    break;
                case SpeechInput said when !gather.Input.HasFlag(GatherInput.Speech):
                    Add(TranscriptKind.Note, $"speech \"{said.Text}\" ignored: this Gather listens for keys only");
                    break;
                case SpeechInput said:
                    speech = said;
                    ended = GatherEnd.Speech;
                    break;
                default:
                    ended = GatherEnd.Timeout;
                    break;
            }
        }

        var parameters = new List<KeyValuePair<string, string>>();
        if (speech is not null)
        {
            Add(TranscriptKind.Input, $"said \"{speech.Text}\" (confidence {speech.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})");
            parameters.Add(new("SpeechResult", speech.Text));
            parameters.Add(new("Confidence", speech.Confidence.ToString("0.########", CultureInfo.InvariantCulture)));
        }
        else if (digits.Length > 0)
        {
            var finishedOnKey = ended == GatherEnd.FinishOnKey ? gather.FinishOnKey : "";
            Add(TranscriptKind.Input, ended switch
            {
                GatherEnd.FinishOnKey => $"pressed {digits}{finishedOnKey}",
                GatherEnd.NumDigits => $"pressed {digits} (numDigits {gather.NumDigits} reached: the Gather ends)",
                _ => $"pressed {digits}, then {gather.Timeout.TotalSeconds:0} s without a key: the timeout ends the Gather",
            });
            AddDigits(parameters, digits.ToString(), finishedOnKey);
        }
        else
        {
            Add(TranscriptKind.Input, ended == GatherEnd.FinishOnKeyFirst
                ? $"pressed {gather.FinishOnKey} before any digit: Twilio takes it as no input"
                : $"silence ({gather.Timeout.TotalSeconds:0} s timeout)");
            if (!gather.ActionOnEmptyResult)
            {
                Add(TranscriptKind.Note, "no input: Twilio falls through to the next verb");
                return VerbOutcome.Continue;
            }

            AddDigits(parameters, "", "");
        }

        var action = gather.Action ?? documentUrl?.AbsoluteUri;
        if (action is null)
        {
            Add(TranscriptKind.Note, "the Gather has no action and the TwiML was inline: nowhere to send the input; next verb");
            return VerbOutcome.Continue;
        }

        return VerbOutcome.Navigate(Navigate("gather action", action, gather.Method, documentUrl, parameters));
    }

    /// <summary>Why a Gather stopped listening (<see cref="Listening"/> while it still does).</summary>
    private enum GatherEnd
    {
        Listening,
        Timeout,
        FinishOnKey,
        FinishOnKeyFirst,
        NumDigits,
        Speech,
    }

    private static void AddDigits(List<KeyValuePair<string, string>> parameters, string digits, string finishedOnKey)
    {
        parameters.Add(new("msg", "Gather End"));
        parameters.Add(new("Digits", digits));
        parameters.Add(new("FinishedOnKey", finishedOnKey));
    }

    private static string Listening(GatherVerb gather)
    {
        var what = gather.Input switch
        {
            GatherInput.Speech => "speech",
            GatherInput.Dtmf => "keys",
            _ => "keys or speech",
        };
        var limits = new List<string> { $"timeout {gather.Timeout.TotalSeconds:0} s" };
        if (gather.NumDigits is { } numDigits)
        {
            limits.Add($"numDigits {numDigits}");
        }

        limits.Add(gather.FinishOnKey.Length == 0 ? "no finishOnKey" : $"finishOnKey {gather.FinishOnKey}");
        if (gather.ActionOnEmptyResult)
        {
            limits.Add("actionOnEmptyResult");
        }

        return $"listening for {what} ({string.Join(", ", limits)})";
    }
}
