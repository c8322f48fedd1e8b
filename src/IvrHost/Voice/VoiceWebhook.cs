using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// The fields of a Twilio voice webhook the line uses. Read from the form once, at the edge;
/// the caller's number stays here and in the session, never in a URL or a log.
/// </summary>
public sealed record VoiceWebhook(string CallSid, string? From, string? Digits, string? SpeechResult, string? CallStatus, TimeSpan? CallDuration)
{
    public const int MaxCallSidLength = 64;

    public static VoiceWebhook? Read(IFormCollection form)
    {
        var callSid = form["CallSid"].ToString();
        if (callSid.Length is 0 or > MaxCallSidLength || !callSid.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return new VoiceWebhook(callSid, Field(form, "From"), Field(form, "Digits"), Field(form, "SpeechResult"), Field(form, "CallStatus"),
            int.TryParse(Field(form, "CallDuration"), out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null);
    }

    /// <summary>
    /// Keys pressed, or keys heard in speech. Garbage stays garbage (the flow re-prompts);
    /// it is only cut to a length no prompt takes, so nothing large is carried further.
    /// </summary>
    public CallInput Input()
    {
        var keys = string.IsNullOrEmpty(Digits) ? SpokenDigits.ToKeys(SpeechResult) : Digits.TrimEnd('#');
        return CallInput.Of(keys is { Length: > MaxKeys } ? keys[..MaxKeys] : keys);
    }

    private const int MaxKeys = 32;

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;
}
