namespace PhoneBooking.Softphone.Scripts;

/// <summary>
/// What a scripted caller does, step by step: hear phrases within time limits, press keys, say things,
/// stay silent, hang up. Parse one from a file (<see cref="Parse"/>) or build one in code:
/// <c>CallScript.Empty.Expect("Welcome").Press("1").ExpectHangup()</c>.
/// </summary>
public sealed record CallScript(IReadOnlyList<ScriptStep> Steps)
{
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(30);

    public static readonly CallScript Empty = new([]);

    public static CallScript Parse(string text) => CallScriptParser.Parse(text);

    public CallScript Expect(string phrase, TimeSpan? within = null) => With(new ExpectStep(phrase, within ?? DefaultWithin));

    public CallScript Press(string keys) => With(new PressStep(keys));

    public CallScript Say(string speech, double confidence = 0.9) => With(new SayStep(speech, confidence));

    public CallScript Silence() => With(new SilenceStep());

    public CallScript HangUp() => With(new HangUpStep());

    public CallScript ExpectHangup(TimeSpan? within = null) => With(new ExpectHangupStep(within ?? DefaultWithin));

    private CallScript With(ScriptStep step) => new([.. Steps, step]);
}
