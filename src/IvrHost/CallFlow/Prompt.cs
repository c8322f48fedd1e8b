using PhoneBooking.Prompts.Speech;

namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// One line to speak, ready for rendering: a prompt id of prompts/ and the values of its placeholders.
/// <see cref="EveryLocale"/>: said once in each language, each in its own voice (before the caller chose one).
/// </summary>
public sealed record Line(string Id, IReadOnlyDictionary<string, SpeechValue> Arguments)
{
    public bool EveryLocale { get; init; }

    public override string ToString() => Id;
}

/// <summary>
/// A prompt the flow says, declared once in <see cref="Lines"/>: its id (or ids, for a prompt whose
/// wording depends on the session) and how its placeholders are filled. Ids are known without a
/// session, so start-up can check every locale has every prompt the flow may say.
/// </summary>
public sealed class Prompt
{
    private static readonly IReadOnlyDictionary<string, SpeechValue> NoArguments = new Dictionary<string, SpeechValue>();

    private readonly Func<CallSession, CallContext, Line?> _resolve;

    private Prompt(IReadOnlyList<string> ids, Func<CallSession, CallContext, Line?> resolve)
    {
        Ids = ids;
        _resolve = resolve;
    }

    /// <summary>Every id this prompt may say.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>A prompt without placeholders, or whose values come from outside the session (see <see cref="With"/>).</summary>
    public static Prompt Of(string id) => new([id], (_, _) => new Line(id, NoArguments));

    /// <summary>A prompt whose placeholders are filled from the session (and the day, for dates).</summary>
    public static Prompt Of(string id, Func<CallSession, CallContext, (string Name, SpeechValue Value)[]> arguments) =>
        new([id], (s, c) => new Line(id, Args(arguments(s, c))));

    /// <summary>One of two wordings, chosen from the session ("your date of birth" or the other person's).</summary>
    public static Prompt Either(Func<CallSession, bool> test, Prompt whenTrue, Prompt whenFalse) =>
        new([.. whenTrue.Ids, .. whenFalse.Ids], (s, c) => test(s) ? whenTrue.For(s, c) : whenFalse.For(s, c));

    /// <summary>Said only when <paramref name="test"/> holds ("this is not one of the times you asked for").</summary>
    public static Prompt OnlyIf(Func<CallSession, CallContext, bool> test, Prompt prompt) =>
        new(prompt.Ids, (s, c) => test(s, c) ? prompt.For(s, c) : null);

    /// <summary>The line for this session, or null when the prompt is not said for it.</summary>
    public Line? For(CallSession session, CallContext context) => _resolve(session, context);

    /// <summary>The line with values from outside the session (a queue position from Twilio, the line's number).</summary>
    public Line With(params (string Name, SpeechValue Value)[] arguments) => new(Ids[0], Args(arguments));

    public override string ToString() => string.Join(" | ", Ids);

    private static Dictionary<string, SpeechValue> Args((string Name, SpeechValue Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
