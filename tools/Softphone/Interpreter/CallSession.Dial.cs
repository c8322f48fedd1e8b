using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Transcripts;
using PhoneBooking.Softphone.Twiml;

namespace PhoneBooking.Softphone.Interpreter;

internal sealed partial class CallSession
{
    /// <summary>
    /// &lt;Dial&gt;: shows who the call is connected to; the dial policy decides how they respond (a &lt;Queue&gt;
    /// noun bridges the caller waiting at the front of that queue). Then the action gets DialCallStatus,
    /// DialCallSid and DialCallDuration, or the document goes on.
    /// </summary>
    private async Task<VerbOutcome> DialAsync(DialVerb dial, Uri? documentUrl, CancellationToken cancellationToken)
    {
        var who = string.Join(", ", dial.Targets.Select(t => $"{t.Kind} {t.Value}"));
        Add(TranscriptKind.Dial, $"connecting to {who} (timeout {dial.Timeout.TotalSeconds:0} s{(dial.CallerId is null ? "" : ", callerId " + dial.CallerId)})");
        var heard = await HearAsync(new Heard(HeardKind.Connecting, $"connecting to {who}"), cancellationToken);
        if (heard is not ContinueOutcome)
        {
            return heard;
        }

        var dialCallSid = Sid.New("CA");
        var (target, outcome, bridged) = Decide(dial, dialCallSid);
        var duration = TimeSpan.Zero;
        if (outcome.Status == CallStatuses.Completed)
        {
            duration = outcome.TalkTime < dial.TimeLimit ? outcome.TalkTime : dial.TimeLimit;
            Add(TranscriptKind.Dial, $"{target.Kind} {target.Value} answered ({dialCallSid}): talking for {duration.TotalSeconds:0} s");
            try
            {
                await PassAsync(duration, cancellationToken);
            }
            finally
            {
                bridged?.EndBridge();
            }

            Add(TranscriptKind.Dial, $"{target.Kind} {target.Value} hung up");
        }
        else
        {
            await timeline.WaitAsync(outcome.Status == CallStatuses.NoAnswer ? dial.Timeout : TimeSpan.Zero, cancellationToken);
            Add(TranscriptKind.Dial, $"{target.Kind} {target.Value}: {outcome.Status}");
        }

        if (dial.Action is null)
        {
            return VerbOutcome.Continue;
        }

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("DialCallStatus", outcome.Status),
            new("DialCallSid", dialCallSid),
        };
        if (outcome.Status == CallStatuses.Completed)
        {
            parameters.Add(new("DialCallDuration", TwilioTime.Seconds(duration)));
        }

        return VerbOutcome.Navigate(Navigate("dial action", dial.Action, dial.Method, documentUrl, parameters));
    }

    /// <summary>Nested targets ring at once and the first to answer wins, as Twilio does.</summary>
    private (DialTarget Target, DialOutcome Outcome, Queues.QueueMember? Bridged) Decide(DialVerb dial, string dialCallSid)
    {
        foreach (var target in dial.Targets.Where(t => t.Kind == DialTargetKind.Queue))
        {
            var member = services.Queues.Find(target.Value)?.TryBridgeFront(dialCallSid);
            if (member is not null)
            {
                Add(TranscriptKind.Dial, $"dequeued {member.CallSid} from queue {target.Value}");
                return (target, dialPolicy.Decide(target), member);
            }
        }

        var outcomes = dial.Targets.Where(t => t.Kind != DialTargetKind.Queue).Select(t => (Target: t, Outcome: dialPolicy.Decide(t))).ToList();
        if (outcomes.FirstOrDefault(o => o.Outcome.Status == CallStatuses.Completed) is { Target: not null } answered)
        {
            return (answered.Target, answered.Outcome, null);
        }

        return outcomes.Count > 0
            ? (outcomes[0].Target, outcomes[0].Outcome, null)
            : (dial.Targets[0], DialOutcome.NoAnswer, null);
    }
}
