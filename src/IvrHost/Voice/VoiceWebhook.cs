using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// The fields of a Twilio voice webhook the line uses. Read from the form once, at the edge;
/// the caller's number stays here and in the session, never in a URL or a log.
/// </summary>
public sealed record VoiceWebhook(string CallSid, string? From, string? Digits, string? SpeechResult, string? CallStatus, TimeSpan? CallDuration)
{
    public const int MaxCallSidLength = 64;

    private const int MaxKeys = 32;
    private const int MaxSpeech = 200;

    /// <summary>The key that ended the Gather (Twilio's FinishedOnKey), when one did: # is a key pressed, not silence.</summary>
    public string? FinishedOnKey { get; init; }

    public static VoiceWebhook? Read(IFormCollection form)
    {
        var callSid = form["CallSid"].ToString();
        if (callSid.Length is 0 or > MaxCallSidLength || !callSid.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return new VoiceWebhook(callSid, Field(form, "From"), Field(form, "Digits"), Field(form, "SpeechResult"), Field(form, "CallStatus"),
            int.TryParse(Field(form, "CallDuration"), out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null)
        {
            FinishedOnKey = Field(form, "FinishedOnKey"),
        };
    }

    /// <summary>
    /// Keys pressed (a lone # when that was the only key), or words said. Garbage stays garbage (the
    /// flow re-prompts); it is only cut to a length no prompt takes, so nothing large is carried further.
    /// </summary>
    public CallInput Input()
    {
        // Twilio leaves the finishing key out of Digits; a # that ended a Gather alone is still a key.
        var keys = string.IsNullOrEmpty(Digits) ? FinishedOnKey == "#" ? "#" : null : Digits.Length > 1 ? Digits.TrimEnd('#') : Digits;
        if (!string.IsNullOrEmpty(keys))
        {
            return CallInput.Of(keys.Length > MaxKeys ? keys[..MaxKeys] : keys);
        }

        return string.IsNullOrWhiteSpace(SpeechResult) ? CallInput.None : CallInput.Said(SpeechResult.Length > MaxSpeech ? SpeechResult[..MaxSpeech] : SpeechResult);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;
}
