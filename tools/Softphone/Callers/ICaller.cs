using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Timing;
using PhoneBooking.Softphone.Twiml;

namespace PhoneBooking.Softphone.Callers;

/// <summary>
/// The person (or machine) on the phone. The engine tells it what the line starts to say, asks what it does
/// while the line is busy (keys typed ahead, barge-in), and asks it for input while a &lt;Gather&gt; listens;
/// Twilio's semantics (numDigits, finishOnKey, timeouts, what is lost outside a Gather) stay in the engine.
/// A caller spends the time it takes: it waits on <see cref="CallTimeline"/> before answering Silence.
/// </summary>
public interface ICaller
{
    /// <summary>
    /// The line starts to say or play <paramref name="heard"/> (it lasts <see cref="Heard.Duration"/>, the clock
    /// is at its start). It plays whole unless the caller's own input, from <see cref="InputBeforeAsync"/>, stops
    /// it: a caller who presses while a Gather listens hears nothing after the key.
    /// </summary>
    ValueTask<CallerReaction> HearAsync(Heard heard, CallTimeline timeline, CancellationToken cancellationToken);

    /// <summary>
    /// The caller's first input before <paramref name="until"/> while the line is busy (speaking, playing,
    /// pausing), and the moment it comes; null when they do nothing before then. It does not move the clock
    /// (the engine does), and the input is taken: the engine gives it to the Gather, or drops it as Twilio
    /// does when no Gather listens. A person at a keyboard answers null: what they type waits for the next Gather.
    /// </summary>
    ValueTask<TimedInput?> InputBeforeAsync(DateTimeOffset until, CallTimeline timeline, CancellationToken cancellationToken);

    /// <summary>The next key, utterance, silence (after <see cref="InputRequest.Timeout"/>) or hang-up, while a Gather listens.</summary>
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

/// <summary>
/// What the line says or plays. <see cref="Duration"/>: how long it lasts (a Say at the engine's words per
/// minute, a Play its play time). <see cref="Listening"/>: what a Gather takes meanwhile (its nested prompts),
/// or null when no Gather listens and Twilio drops any key pressed.
/// </summary>
public sealed record Heard(HeardKind Kind, string Text, string? Language = null)
{
    public TimeSpan Duration { get; init; }

    public GatherInput? Listening { get; init; }

    /// <summary>Whether a Gather listening now takes <paramref name="input"/> (and so stops the prompt).</summary>
    public bool Takes(CallerInput input) => Listening is { } listening && input switch
    {
        KeyInput => listening.HasFlag(GatherInput.Dtmf),
        SpeechInput => listening.HasFlag(GatherInput.Speech),
        _ => false,
    };
}
