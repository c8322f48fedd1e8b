using System.Collections.Concurrent;
using System.Globalization;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Interpreter;
using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Transcripts;

namespace PhoneBooking.Softphone.Cloud;

/// <summary>
/// Places the calls created through Calls.json: rings the softphone (posting initiated and ringing), lets
/// the answer policy pick up, runs answering machine detection (AnsweredBy in the first webhook, or posted
/// to AsyncAmdStatusCallback), follows Url or Twiml, and posts the final status.
/// </summary>
internal sealed class OutboundCalls(SoftphoneEngine engine, CloudSettings settings, CloudLedger ledger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public CloudCall Start(CreateCallForm form, IReadOnlyDictionary<string, string> request)
    {
        var context = new CallContext(Sid.New("CA"), engine.Options.AccountSid, form.From, form.To, CallDirections.OutboundApi, new CallerProfile())
        {
            Status = CallStatuses.Queued,
        };
        var call = new CloudCall(context, request, engine.Time.GetUtcNow());
        ledger.Add(call);
        _running[call.Sid] = Task.Run(() => RunAsync(call, form, _stopping.Token));
        return call;
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(CloudCall call, CreateCallForm form, CancellationToken cancellationToken)
    {
        try
        {
            var plan = await settings.AnswerPolicy(new OutboundCallRequest(call.Sid, form.From, form.To, call.Request), cancellationToken);
            var listener = settings.OnTranscript is { } onTranscript ? entry => onTranscript(call.Sid, entry) : (Action<TranscriptEntry>?)null;
            var run = new CallRun(engine, call.Context, plan.Callee, settings.TimeMode, listener);
            var ending = await PlaceAsync(run, plan, form, cancellationToken);
            if (form.StatusCallback is not null && form.StatusCallbackEvents.Contains("completed"))
            {
                await run.PostStatusAsync(form.StatusCallback, form.StatusCallbackMethod, CancellationToken.None);
            }

            call.Ended = engine.Time.GetUtcNow();
            call.Duration = run.Duration;
            call.Complete(run.Result(ending));
        }
        catch (Exception exception)
        {
            call.Fail(exception);
        }
        finally
        {
            _running.TryRemove(call.Sid, out _);
        }
    }

    private static async Task<CallEnding> PlaceAsync(CallRun run, AnswerPlan plan, CreateCallForm form, CancellationToken cancellationToken)
    {
        run.Add(TranscriptKind.Call, $"{run.Context.CallSid} placed through the REST API to {form.To}; the softphone rings ({plan.Kind})");
        await ProgressAsync(run, form, "initiated", CallStatuses.Initiated, cancellationToken);
        await ProgressAsync(run, form, "ringing", CallStatuses.Ringing, cancellationToken);
        var unanswered = plan.Kind switch
        {
            AnswerKind.NoAnswer => new CallEnding(CallStatuses.NoAnswer, EndReason.NoAnswer, $"nobody answered within {form.Timeout.TotalSeconds:0} s"),
            AnswerKind.Busy => new CallEnding(CallStatuses.Busy, EndReason.Busy, "the line was busy"),
            AnswerKind.Failed => new CallEnding(CallStatuses.Failed, EndReason.Failed, "the call could not be connected"),
            _ => null,
        };
        await run.Timeline.WaitAsync(plan.Kind == AnswerKind.NoAnswer ? form.Timeout : plan.RingTime, cancellationToken);
        if (unanswered is null && run.Live.HasPending)
        {
            run.Live.TakePending();
            unanswered = new CallEnding(CallStatuses.Canceled, EndReason.EndedByApi, "canceled through the REST API while ringing");
        }

        if (unanswered is not null)
        {
            await run.EndAsync(unanswered, cancellationToken);
            return unanswered;
        }

        run.Context.AnsweredAt = run.Timeline.Now;
        run.Context.Status = CallStatuses.InProgress;
        run.Add(TranscriptKind.Call, plan.Kind == AnswerKind.Machine ? "answered by a machine" : "answered");
        await ProgressAsync(run, form, "answered", CallStatuses.InProgress, cancellationToken);
        var answeredBy = AnsweredBy(plan, form.MachineDetection);
        Task asyncAmd = Task.CompletedTask;
        if (answeredBy is not null && form.AsyncAmd)
        {
            asyncAmd = PostAmdAsync(run, plan, form, answeredBy, cancellationToken);
        }
        else if (answeredBy is not null)
        {
            await run.Timeline.WaitAsync(plan.DetectionTime, cancellationToken);
            run.Context.AnsweredBy = run.Context.MachineDetectionResult = answeredBy;
            run.Add(TranscriptKind.Note, $"machine detection: AnsweredBy={answeredBy}");
        }

        Instruction first = form.Twiml is not null
            ? new InlineInstruction(form.Twiml)
            : new FetchInstruction("url", form.Url!, form.Method, []);
        var fallback = form.FallbackUrl is null ? null : new CallSession.Fallback(form.FallbackUrl, form.FallbackMethod);
        var ending = await run.ConverseAsync(first, fallback, DialPolicy.AnswerAndTalk(TimeSpan.FromSeconds(10)), cancellationToken);
        await asyncAmd;
        return ending;
    }

    /// <summary>
    /// Async AMD: the result comes DetectionTime into the call (on the call's clock, so after the first
    /// webhook even in virtual time), to AsyncAmdStatusCallback; the webhooks themselves never carry it.
    /// </summary>
    private static async Task PostAmdAsync(CallRun run, AnswerPlan plan, CreateCallForm form, string answeredBy, CancellationToken cancellationToken)
    {
        var due = run.Timeline.Now + plan.DetectionTime;
        while (run.Timeline.Now < due && run.Ending is null)
        {
            await Task.Delay(10, cancellationToken);
        }

        run.Context.MachineDetectionResult = answeredBy;
        run.Add(TranscriptKind.Note, $"machine detection (async): AnsweredBy={answeredBy}");
        if (form.AsyncAmdStatusCallback is null)
        {
            return;
        }

        await run.PostCallbackAsync("amd status callback", form.AsyncAmdStatusCallback, form.AsyncAmdStatusCallbackMethod,
        [
            new("AccountSid", run.Context.AccountSid),
            new("AnsweredBy", answeredBy),
            new("CallSid", run.Context.CallSid),
            new("MachineDetectionDuration", ((int)plan.DetectionTime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)),
        ], cancellationToken);
    }

    /// <summary>Enable reports machine_start as soon as a machine is heard; DetectMessageEnd waits for the beep.</summary>
    private static string? AnsweredBy(AnswerPlan plan, string? machineDetection) => machineDetection switch
    {
        null => null,
        _ when plan.Kind == AnswerKind.Human => "human",
        "DetectMessageEnd" => "machine_end_beep",
        _ => "machine_start",
    };

    private static async Task ProgressAsync(CallRun run, CreateCallForm form, string @event, string status, CancellationToken cancellationToken)
    {
        run.Context.Status = status;
        if (form.StatusCallback is not null && form.StatusCallbackEvents.Contains(@event))
        {
            await run.PostProgressAsync(form.StatusCallback, form.StatusCallbackMethod, [], cancellationToken);
        }
    }
}
