using PhoneBooking.Softphone.Twiml;

namespace PhoneBooking.Softphone.Callers;

/// <summary>What the caller does while a &lt;Gather&gt; listens.</summary>
public abstract record CallerInput
{
    public static readonly CallerInput Silence = new SilenceInput();
    public static readonly CallerInput HangUp = new HangUpInput();

    public static CallerInput Press(char key) => new KeyInput(key);

    public static CallerInput Speech(string text, double confidence = 0.9) => new SpeechInput(text, confidence);

    public static bool IsKey(char c) => char.IsAsciiDigit(c) || c is '*' or '#';
}

public sealed record KeyInput(char Key) : CallerInput;

public sealed record SpeechInput(string Text, double Confidence) : CallerInput;

public sealed record SilenceInput : CallerInput;

public sealed record HangUpInput : CallerInput;

/// <summary>
/// An input at a moment of the call's clock: a key the moment it is pressed, an utterance the moment the caller
/// starts to speak (it <see cref="Lasts"/> while they say it; the Gather has it once they are done).
/// </summary>
public sealed record TimedInput(CallerInput Input, DateTimeOffset At)
{
    public TimeSpan Lasts { get; init; }
}

/// <summary>What a &lt;Gather&gt; is listening for; <see cref="GatherId"/> changes with each Gather of the call.</summary>
public sealed record InputRequest(
    int GatherId,
    GatherInput Accepts,
    TimeSpan Timeout,
    string DigitsSoFar,
    int? NumDigits,
    string FinishOnKey,
    string Language,
    string? Hints);
