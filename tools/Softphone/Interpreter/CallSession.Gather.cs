using System.Globalization;
using System.Text;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Transcripts;
using PhoneBooking.Softphone.Twiml;

namespace PhoneBooking.Softphone.Interpreter;

internal sealed partial class CallSession
{
    /// <summary>
    /// &lt;Gather&gt;: plays its nested Say/Play/Pause, then listens. Keys end on finishOnKey (not included in
    /// Digits) or at numDigits; a timeout of silence ends it. Input goes to the action (default: this
    /// document's URL); no input falls through to the next verb unless actionOnEmptyResult.
    /// </summary>
    private async Task<VerbOutcome> GatherAsync(GatherVerb gather, Uri? documentUrl, CancellationToken cancellationToken)
    {
        foreach (var prompt in gather.Prompts)
        {
            var played = await ExecuteAsync(prompt, documentUrl, cancellationToken);
            if (played is not ContinueOutcome)
            {
                return played;
            }
        }

        var gatherId = ++_gathers;
        Add(TranscriptKind.Gather, Listening(gather));
        var digits = new StringBuilder();
        string? finishedOnKey = null;
        SpeechInput? speech = null;
        var listening = true;
        while (listening)
        {
            var request = new InputRequest(gatherId, gather.Input, gather.Timeout, digits.ToString(), gather.NumDigits, gather.FinishOnKey, gather.Language, gather.Hints);
            switch (await caller.NextInputAsync(request, timeline, cancellationToken))
            {
                case HangUpInput:
                    return CallerHungUp();
                case KeyInput key when !gather.Input.HasFlag(GatherInput.Dtmf):
                    Add(TranscriptKind.Note, $"key {key.Key} ignored: this Gather listens for speech only");
                    break;
                case KeyInput key when gather.FinishOnKey.Length == 1 && key.Key == gather.FinishOnKey[0]:
                    finishedOnKey = gather.FinishOnKey;
                    listening = false;
                    break;
                case KeyInput key:
                    digits.Append(key.Key);
                    listening = gather.NumDigits is not { } wanted || digits.Length < wanted;
                    break;
                case SpeechInput said when !gather.Input.HasFlag(GatherInput.Speech):
                    Add(TranscriptKind.Note, $"speech \"{said.Text}\" ignored: this Gather listens for keys only");
                    break;
                case SpeechInput said:
                    speech = said;
                    listening = false;
                    break;
                default:
                    listening = false;
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
        else if (digits.Length > 0 || finishedOnKey is not null)
        {
            Add(TranscriptKind.Input, $"pressed {digits}{finishedOnKey}");
            AddDigits(parameters, digits.ToString(), finishedOnKey ?? "");
        }
        else
        {
            Add(TranscriptKind.Input, $"silence ({gather.Timeout.TotalSeconds:0} s timeout)");
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
