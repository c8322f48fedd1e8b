namespace PhoneBooking.Softphone.Scripts;

/// <summary>One step of a scripted call; <see cref="Line"/> is its line in the script file (0 when built in code).</summary>
public abstract record ScriptStep(int Line)
{
    public abstract string Describe();
}

/// <summary>Hear a phrase (in a Say, or a Play URL) within a time limit, counted from the previous step.</summary>
public sealed record ExpectStep(string Phrase, TimeSpan Within, int Line = 0) : ScriptStep(Line)
{
    public override string Describe() => $"expect \"{Phrase}\" within {Within.TotalSeconds:0.#}s";
}

/// <summary>Press keys at the next Gather (digits, * and #), one after another.</summary>
public sealed record PressStep(string Keys, int Line = 0) : ScriptStep(Line)
{
    public override string Describe() => $"press {Keys}";
}

/// <summary>Say something at the next Gather (it goes to the line as SpeechResult).</summary>
public sealed record SayStep(string Speech, double Confidence, int Line = 0) : ScriptStep(Line)
{
    public override string Describe() => $"say \"{Speech}\"";
}

/// <summary>Stay silent through the next Gather, so it times out.</summary>
public sealed record SilenceStep(int Line = 0) : ScriptStep(Line)
{
    public override string Describe() => "silence";
}

/// <summary>Hang up now.</summary>
public sealed record HangUpStep(int Line = 0) : ScriptStep(Line)
{
    public override string Describe() => "hangup";
}

/// <summary>The line ends the call (Hangup, or its TwiML runs out) within a time limit.</summary>
public sealed record ExpectHangupStep(TimeSpan Within, int Line = 0) : ScriptStep(Line)
{
    public override string Describe() => $"expect-hangup within {Within.TotalSeconds:0.#}s";
}
