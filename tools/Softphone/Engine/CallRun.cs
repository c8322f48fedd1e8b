using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Interpreter;
using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Timing;
using PhoneBooking.Softphone.Transcripts;
using PhoneBooking.Softphone.Webhooks;

namespace PhoneBooking.Softphone.Engine;

/// <summary>
/// The life of one call around its TwiML conversation: registration as a live call, the clock, the
/// transcript, the final status and the callbacks Twilio posts about it.
/// </summary>
internal sealed class CallRun(SoftphoneEngine engine, CallContext context, ICaller caller, TimeMode mode, Action<TranscriptEntry>? listener)
{
    private readonly System.Net.CookieContainer _callbackCookies = new();
    private DateTimeOffset? _ended;
    private CallEnding? _ending;

    public CallTimeline Timeline { get; } = mode == TimeMode.Virtual ? new VirtualTimeline(engine.Time) : new RealTimeline(engine.Time);

    public Transcript Transcript { get; } = new(listener);

    public LiveCall Live { get; } = engine.Calls.Register(context, engine.Time.GetUtcNow());

    public CallContext Context => context;

    public TimeSpan Duration => Context.AnsweredAt is { } answered ? (_ended ?? Timeline.Now) - answered : TimeSpan.Zero;

    public void Add(TranscriptKind kind, string text) => Transcript.Add(new TranscriptEntry(Timeline.Elapsed, kind, text));

    public async Task<CallEnding> ConverseAsync(Instruction first, CallSession.Fallback? fallback, DialPolicy dialPolicy, CancellationToken cancellationToken)
    {
        var session = new CallSession(engine.Services, Live, caller, Timeline, Transcript, fallback, dialPolicy);
        CallEnding ending;
        try
        {
            ending = await session.ConverseAsync(first, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ending = new CallEnding(CallStatuses.Failed, EndReason.Failed, $"softphone fault: {exception.Message}");
        }

        await EndAsync(ending, cancellationToken);
        return ending;
    }

    /// <summary>Marks the call over (a call never answered ends here too): final status, transcript, caller told.</summary>
    public async Task EndAsync(CallEnding ending, CancellationToken cancellationToken)
    {
        _ending = ending;
        _ended = Timeline.Now;
        Context.Status = ending.Status;
        engine.Calls.Remove(Context.CallSid);
        engine.Metrics.CallEnded(ending.Status);
        Add(TranscriptKind.Call, $"ended: {ending.Status} ({ending.Reason}: {ending.Detail}); {Duration.TotalSeconds:0} s answered");
        try
        {
            await caller.CallEndedAsync(ending, Timeline, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The status callback for a call that has ended (CallStatus=completed, busy… with CallDuration).</summary>
    public Task<WebhookExchange> PostStatusAsync(Uri url, HttpMethod method, CancellationToken cancellationToken)
    {
        var extra = new List<KeyValuePair<string, string>> { new("CallDuration", TwilioTime.Seconds(Duration)) };
        return PostProgressAsync(url, method, extra, cancellationToken);
    }

    /// <summary>A call-progress event (initiated, ringing, answered, completed), with Twilio's callback fields.</summary>
    public Task<WebhookExchange> PostProgressAsync(Uri url, HttpMethod method, List<KeyValuePair<string, string>> extra, CancellationToken cancellationToken)
    {
        extra.Add(new("Timestamp", TwilioTime.Rfc2822(Timeline.Now)));
        extra.Add(new("CallbackSource", "call-progress-events"));
        extra.Add(new("SequenceNumber", Context.NextSequenceNumber().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var parameters = Context.StandardParameters();
        parameters.AddRange(extra);
        return PostCallbackAsync("status callback", url, method, parameters, cancellationToken);
    }

    /// <summary>Any callback Twilio posts without expecting TwiML back: a failure is logged, the call is unaffected.</summary>
    public async Task<WebhookExchange> PostCallbackAsync(string purpose, Uri url, HttpMethod method, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var status = parameters.FirstOrDefault(p => p.Key == "CallStatus").Value;
        var exchange = await engine.Webhooks.SendAsync(new WebhookRequest(purpose, url, method, parameters), _callbackCookies, cancellationToken);
        engine.Metrics.Webhook(purpose, exchange.Latency, exchange.IsSuccess);
        var outcome = exchange.StatusCode is { } code ? $"HTTP {code}" : "no response";
        Transcript.Add(new TranscriptEntry(Timeline.Elapsed, TranscriptKind.StatusCallback, $"{method} {url} ({purpose}{(status is null ? "" : ", CallStatus=" + status)}): {outcome} in {exchange.Latency.TotalMilliseconds:0} ms") { Exchange = exchange });
        var failure = exchange.Failure ?? (exchange.IsSuccess ? null
            : TwilioErrors.Warning(TwilioErrors.CallbackWarningResponse, $"the {purpose} answered HTTP {exchange.StatusCode}", url));
        if (failure is not null)
        {
            Transcript.Add(new TranscriptEntry(Timeline.Elapsed, failure.Level == NotificationLevel.Error ? TranscriptKind.Error : TranscriptKind.Warning, failure.ToString()) { Notification = failure });
            engine.Metrics.TwilioError(failure.Code);
        }

        return exchange;
    }

    public CallResult Result(CallEnding ending) =>
        new(Context.CallSid, ending.Status, ending.Reason, ending.Detail, Context.AnsweredAt is not null, Duration, (_ended ?? Timeline.Now) - Timeline.Started, Transcript);

    public CallEnding? Ending => _ending;
}
