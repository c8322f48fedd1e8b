using PhoneBooking.Twilio.Types;

namespace PhoneBooking.Twilio.TwiML;

/// <summary>
/// &lt;Response&gt; for a voice webhook (SDK: <c>Twilio.TwiML.VoiceResponse</c>). Each verb method
/// appends and returns this response; build nested verbs (Gather, Dial, Say with SSML) and
/// <see cref="Append"/> them.
/// </summary>
public sealed class VoiceResponse() : TwiML("Response")
{
    public new VoiceResponse Append(TwiML childElem) => (VoiceResponse)base.Append(childElem);

    public VoiceResponse Say(string? message = null, Say.VoiceEnum? voice = null, int? loop = null, Say.LanguageEnum? language = null) =>
        Append(new Say(message, voice, loop, language));

    public VoiceResponse Play(Uri? url = null, int? loop = null, string? digits = null) => Append(new Play(url, loop, digits));

    public VoiceResponse Pause(int? length = null) => Append(new Pause(length));

    public VoiceResponse Gather(
        IEnumerable<Gather.InputEnum>? input = null,
        Uri? action = null,
        HttpMethod? method = null,
        int? timeout = null,
        string? speechTimeout = null,
        string? finishOnKey = null,
        int? numDigits = null,
        Gather.LanguageEnum? language = null,
        string? hints = null,
        bool? actionOnEmptyResult = null) =>
        Append(new Gather(input, action, method, timeout, speechTimeout, finishOnKey, numDigits, language, hints, actionOnEmptyResult));

    public VoiceResponse Redirect(Uri url, HttpMethod? method = null) => Append(new Redirect(url, method));

    public VoiceResponse Hangup() => Append(new Hangup());

    public VoiceResponse Enqueue(string? name = null, Uri? action = null, HttpMethod? method = null, Uri? waitUrl = null, HttpMethod? waitUrlMethod = null) =>
        Append(new Enqueue(name, action, method, waitUrl, waitUrlMethod));

    public VoiceResponse Leave() => Append(new Leave());

    public VoiceResponse Dial(string? number = null, Uri? action = null, HttpMethod? method = null, int? timeout = null, string? callerId = null, Dial.RecordEnum? record = null) =>
        Append(new Dial(number, action, method, timeout, callerId, record));

    public VoiceResponse Reject(Reject.ReasonEnum? reason = null) => Append(new Reject(reason));

    // Only verbs belong directly under <Response>: a stray noun or SSML tag is a bug Twilio would answer with error 12100.
    protected override bool CanNest(TwiML child) => Nesting.IsVerb(child);
}
