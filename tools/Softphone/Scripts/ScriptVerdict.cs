using PhoneBooking.Softphone.Calls;

namespace PhoneBooking.Softphone.Scripts;

/// <summary>Whether a scripted call did what its script said, and if not, which step failed and why.</summary>
public sealed record ScriptVerdict(bool Passed, ScriptStep? FailedStep, string? Reason)
{
    public static readonly ScriptVerdict Pass = new(true, null, null);

    public override string ToString() =>
        Passed ? "script passed" : $"script failed at {(FailedStep is { Line: > 0 } ? $"line {FailedStep.Line}: " : "")}{FailedStep?.Describe()}: {Reason}";
}

/// <summary>A scripted call: the call (transcript included) and the script's verdict.</summary>
public sealed record ScriptRun(CallResult Call, ScriptVerdict Verdict)
{
    public bool Passed => Verdict.Passed;

    public override string ToString() => $"{Verdict}{Environment.NewLine}{Call}";
}
