using System.Globalization;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Queues;
using PhoneBooking.Softphone.Transcripts;
using PhoneBooking.Softphone.Twiml;

namespace PhoneBooking.Softphone.Interpreter;

internal sealed partial class CallSession
{
    private const int MaxQueueSize = 1000;

    /// <summary>
    /// &lt;Enqueue&gt;: joins the queue and plays the waitUrl's TwiML round after round (re-requested with the
    /// caller's QueuePosition…) until an agent bridges the call, the wait TwiML says &lt;Leave/&gt;, or the caller
    /// hangs up; then requests the action with QueueResult (or goes on to the next verb).
    /// </summary>
    private async Task<VerbOutcome> EnqueueAsync(EnqueueVerb enqueue, Uri? documentUrl, CancellationToken cancellationToken)
    {
        var queue = services.Queues.GetOrCreate(enqueue.QueueName);
        var member = queue.Join(Context.CallSid, timeline.Now);
        Add(TranscriptKind.Enqueue, $"joined queue '{queue.Name}' ({queue.Sid}) at position {queue.PositionOf(member)} of {queue.Size}");
        (string Result, VerbOutcome? Outcome) left;
        try
        {
            left = await WaitInQueueAsync(enqueue, queue, member, documentUrl, cancellationToken);
        }
        finally
        {
            queue.Leave(member, timeline.Now);
            member.Dispose();
        }

        var queueTime = timeline.Now - member.JoinedAt;
        Add(TranscriptKind.Enqueue, $"left queue '{queue.Name}': {left.Result} after {queueTime.TotalSeconds:0} s");
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("QueueResult", left.Result),
            new("QueueSid", queue.Sid),
            new("QueueTime", TwilioTime.Seconds(queueTime)),
        };
        switch (left.Outcome)
        {
            case EndOutcome { Ending.Reason: EndReason.CallerHungUp } when enqueue.Action is not null:
                // Twilio still tells the action why the caller left; what it answers no longer matters.
                if (Navigate("enqueue action", enqueue.Action, enqueue.Method, documentUrl, parameters) is FetchInstruction notify)
                {
                    await FetchAsync(notify, CancellationToken.None);
                }

                return left.Outcome;
            case EndOutcome or NavigateOutcome:
                return left.Outcome;
        }

        return enqueue.Action is null
            ? VerbOutcome.Continue
            : VerbOutcome.Navigate(Navigate("enqueue action", enqueue.Action, enqueue.Method, documentUrl, parameters));
    }

    private async Task<(string Result, VerbOutcome? Outcome)> WaitInQueueAsync(
        EnqueueVerb enqueue, CallQueue queue, QueueMember member, Uri? documentUrl, CancellationToken cancellationToken)
    {
        using var holding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, member.Dequeued);
        try
        {
            return await HoldAsync(enqueue, queue, member, documentUrl, holding.Token);
        }
        catch (OperationCanceledException) when (member.IsBridged && !cancellationToken.IsCancellationRequested)
        {
            Add(TranscriptKind.Enqueue, $"an agent took the call ({member.DequeuingCallSid})");
            var heard = await HearAsync(new Heard(HeardKind.Connecting, $"connected to an agent from queue {queue.Name}"), cancellationToken);
            if (heard is not ContinueOutcome)
            {
                return ("hangup", heard);
            }

            await member.BridgeEnded.WaitAsync(cancellationToken);
            Add(TranscriptKind.Enqueue, "the agent hung up");
            return ("bridged", null);
        }
    }

    private async Task<(string Result, VerbOutcome? Outcome)> HoldAsync(
        EnqueueVerb enqueue, CallQueue queue, QueueMember member, Uri? documentUrl, CancellationToken cancellationToken)
    {
        var waitUrl = enqueue.WaitUrl;
        var method = enqueue.WaitUrlMethod;
        while (true)
        {
            var position = queue.PositionOf(member);
            var hold = await HearAsync(new Heard(HeardKind.Hold, $"on hold in queue {queue.Name}: position {position} of {queue.Size}"), cancellationToken);
            if (hold is not ContinueOutcome)
            {
                return ("hangup", hold);
            }

            if (waitUrl is null)
            {
                Add(TranscriptKind.Play, "Twilio's default hold music (classical playlist)");
                await PassAsync(services.Options.PlayDuration, cancellationToken);
            }
            else
            {
                var next = Navigate("wait url", waitUrl, method, documentUrl, WaitParameters(queue, member, position));
                var load = next is FetchInstruction fetch ? await FetchAsync(fetch, cancellationToken) : null;
                if (load?.Document is null)
                {
                    // Twilio leaves the queue with QueueResult=error; no fallback for wait music.
                    Report(load?.Failure ?? ((BrokenInstruction)next).Failure);
                    return ("error", null);
                }

                var round = await PlayWaitRoundAsync(load.Document, ((FetchInstruction)next).Url, cancellationToken);
                switch (round)
                {
                    case WaitRound.Leave:
                        return ("leave", null);
                    case WaitRound.Ended ended:
                        return ("hangup", ended.Outcome);
                    case WaitRound.Redirected { ToWaitUrl: true, Next: NavigateOutcome { Next: FetchInstruction redirect } }:
                        (waitUrl, method) = (redirect.Url.AbsoluteUri, redirect.Method);
                        break;
                    case WaitRound.Redirected redirected:
                        return ("redirected", redirected.Next);
                }
            }

            await timeline.PaceHoldAsync(services.Options.HoldPacing, cancellationToken);
        }
    }

    private List<KeyValuePair<string, string>> WaitParameters(CallQueue queue, QueueMember member, int position) =>
    [
        new("QueuePosition", position.ToString(CultureInfo.InvariantCulture)),
        new("QueueSid", queue.Sid),
        new("QueueTime", TwilioTime.Seconds(timeline.Now - member.JoinedAt)),
        new("AvgQueueTime", TwilioTime.Seconds(queue.AverageWait)),
        new("CurrentQueueSize", queue.Size.ToString(CultureInfo.InvariantCulture)),
        new("MaxQueueSize", MaxQueueSize.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>One round of the wait TwiML: Say, Play, Pause, Gather, Redirect (to the next wait document), Leave, Hangup.</summary>
    private async Task<WaitRound> PlayWaitRoundAsync(TwimlDocument document, Uri? url, CancellationToken cancellationToken)
    {
        foreach (var verb in document.Verbs)
        {
            switch (verb)
            {
                case LeaveVerb:
                    return new WaitRound.Leave();
                case RedirectVerb redirect:
                    return new WaitRound.Redirected(Redirect(redirect, url), ToWaitUrl: true);
                case SayVerb or PlayVerb or PauseVerb or GatherVerb or HangupVerb:
                    var outcome = await ExecuteAsync(verb, url, cancellationToken);
                    switch (outcome)
                    {
                        case EndOutcome:
                            return new WaitRound.Ended(outcome);
                        case NavigateOutcome { Next: FetchInstruction action } when verb is GatherVerb:
                            // Twilio runs a wait Gather's action inside the queue: its TwiML is wait TwiML (so <Leave/> works).
                            var answer = await FetchAsync(action, cancellationToken);
                            if (answer.Document is null)
                            {
                                Report(answer.Failure!);
                                return new WaitRound.Played();
                            }

                            return await PlayWaitRoundAsync(answer.Document, action.Url, cancellationToken);
                        case NavigateOutcome:
                            return new WaitRound.Redirected(outcome, ToWaitUrl: false);
                    }

                    break;
                default:
                    Report(TwilioErrors.Warning(TwilioErrors.SchemaValidation, $"<{verb.GetType().Name.Replace("Verb", "", StringComparison.Ordinal)}> is not allowed in a queue's wait TwiML: skipped (line {verb.Line})", url));
                    break;
            }
        }

        return new WaitRound.Played();
    }

    private abstract record WaitRound
    {
        public sealed record Played : WaitRound;

        public sealed record Leave : WaitRound;

        public sealed record Ended(VerbOutcome Outcome) : WaitRound;

        public sealed record Redirected(VerbOutcome Next, bool ToWaitUrl) : WaitRound;
    }
}
