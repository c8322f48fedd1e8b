using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Timing;

namespace PhoneBooking.Softphone.Callers;

/// <summary>
/// The person (or machine) on the phone. The engine tells it what it hears and asks it for input while a
/// &lt;Gather&gt; listens; Twilio's semantics (numDigits, finishOnKey, timeouts) stay in the engine.
/// A caller spends the time it takes: it waits on <see cref="CallTimeline"/> before answering Silence.
/// </summary>
public interface ICaller
{
    ValueTask<CallerReaction> HearAsync(Heard heard, CallTimeline timeline, CancellationToken cancellationToken);

    /// <summary>The next key, utterance, silence (after <see cref="InputRequest.Timeout"/>) or hang-up.</summary>
    ValueTask<CallerInput> NextInputAsync(InputRequest request, CallTimeline timeline, CancellationToken cancellationToken);

    ValueTask CallEndedAsync(CallEnding ending, CallTimeline timeline, CancellationToken cancellationToken);
}

public enum CallerReaction
{
    Stay,
    HangUp,
}

public enum HeardKind
{
    /// <summary>A &lt;Say&gt; (or Twilio's own application-error message).</summary>
    Speech,

    /// <summary>A &lt;Play&gt;: the text is the audio URL, or the DTMF tones played.</summary>
    Audio,

    /// <summary>A round of waiting in a queue: the text gives the position.</summary>
    Hold,

    /// <summary>A &lt;Dial&gt; connecting the call to someone.</summary>
    Connecting,
}

public sealed record Heard(HeardKind Kind, string Text, string? Language = null);
