using PhoneBooking.Softphone.Callers;

namespace PhoneBooking.Softphone.Cloud;

public enum AnswerKind
{
    Human,
    Machine,
    NoAnswer,
    Busy,
    Failed,
}

/// <summary>
/// How the softphone responds when the REST API rings it: answer as a person (who is <see cref="Callee"/>),
/// answer as a voicemail machine, let it ring out, or be busy.
/// </summary>
public sealed record AnswerPlan(AnswerKind Kind, ICaller Callee, TimeSpan RingTime, TimeSpan DetectionTime)
{
    public static AnswerPlan Human(ICaller? callee = null, TimeSpan? ringTime = null) =>
        new(AnswerKind.Human, callee ?? new ListeningCaller(), ringTime ?? TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2.5));

    public static AnswerPlan Machine(ICaller? machine = null, TimeSpan? ringTime = null) =>
        new(AnswerKind.Machine, machine ?? new ListeningCaller(), ringTime ?? TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(4));

    public static readonly AnswerPlan NoAnswer = new(AnswerKind.NoAnswer, new ListeningCaller(), TimeSpan.Zero, TimeSpan.Zero);
    public static readonly AnswerPlan Busy = new(AnswerKind.Busy, new ListeningCaller(), TimeSpan.Zero, TimeSpan.Zero);
    public static readonly AnswerPlan Failed = new(AnswerKind.Failed, new ListeningCaller(), TimeSpan.Zero, TimeSpan.Zero);
}

/// <summary>The call being placed, as the policy sees it: its sid, numbers and every REST parameter.</summary>
public sealed record OutboundCallRequest(string CallSid, string From, string To, IReadOnlyDictionary<string, string> Parameters);

/// <summary>Decides, call by call, how the softphone answers (a test can script each callee).</summary>
public delegate ValueTask<AnswerPlan> AnswerPolicy(OutboundCallRequest call, CancellationToken cancellationToken);
