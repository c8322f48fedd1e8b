using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;

namespace PhoneBooking.Softphone.Interpreter;

/// <summary>What executing a verb leads to: the next verb, another document, or the end of the call.</summary>
internal abstract record VerbOutcome
{
    public static readonly VerbOutcome Continue = new ContinueOutcome();

    public static VerbOutcome Navigate(Instruction next) => new NavigateOutcome(next);

    public static VerbOutcome End(string status, EndReason reason, string detail) => new EndOutcome(new CallEnding(status, reason, detail));
}

/// <summary>A prompt nested in a Gather stopped by the caller's input, which the Gather takes as its first.</summary>
internal sealed record BargeInOutcome(TimedInput Input) : VerbOutcome;

internal sealed record ContinueOutcome : VerbOutcome;

internal sealed record NavigateOutcome(Instruction Next) : VerbOutcome;

internal sealed record EndOutcome(CallEnding Ending) : VerbOutcome;
