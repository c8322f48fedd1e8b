using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Twiml;

namespace PhoneBooking.Softphone.Calls;

/// <summary>What happens to a party the line &lt;Dial&gt;s: Twilio's DialCallStatus and how long they talk.</summary>
public sealed record DialOutcome(string Status, TimeSpan TalkTime)
{
    public static DialOutcome Answered(TimeSpan talkTime) => new(CallStatuses.Completed, talkTime);

    public static readonly DialOutcome Busy = new(CallStatuses.Busy, TimeSpan.Zero);
    public static readonly DialOutcome NoAnswer = new(CallStatuses.NoAnswer, TimeSpan.Zero);
    public static readonly DialOutcome Failed = new(CallStatuses.Failed, TimeSpan.Zero);
}

/// <summary>Decides, per dialled target, how the far end responds.</summary>
public sealed class DialPolicy(Func<DialTarget, DialOutcome> decide)
{
    public DialOutcome Decide(DialTarget target) => decide(target);

    public static DialPolicy AnswerAndTalk(TimeSpan talkTime) => new(_ => DialOutcome.Answered(talkTime));

    public static DialPolicy Always(DialOutcome outcome) => new(_ => outcome);
}
