using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Timing;
using PhoneBooking.Softphone.Transcripts;
using PhoneBooking.Softphone.Twiml;
using PhoneBooking.Softphone.Webhooks;

namespace PhoneBooking.Softphone.Interpreter;

/// <summary>
/// Twilio's side of one call: fetches TwiML, executes it verb by verb against the caller, follows actions
/// and redirects, reports failures with Twilio's error codes (then the fallback URL, then "an application
/// error has occurred"), and takes redirects or hang-ups from the REST API at any moment.
/// </summary>
internal sealed partial class CallSession(
    SessionServices services,
    LiveCall live,
    ICaller caller,
    CallTimeline timeline,
    Transcript transcript,
    CallSession.Fallback? fallback,
    DialPolicy dialPolicy)
{
    private readonly CookieContainer _cookies = new();
    private int _documents;
    private int _gathers;

    public sealed record Fallback(Uri Url, HttpMethod Method);

    private CallContext Context => live.Context;

    /// <summary>Runs the call from its first TwiML to its end; the call is answered by its first verb other than Reject.</summary>
    public async Task<CallEnding> ConverseAsync(Instruction first, CancellationToken cancellationToken)
    {
        var next = first;
        try
        {
            while (true)
            {
                if (++_documents > services.Options.MaxDocumentsPerCall)
                {
                    return Note(new CallEnding(CallStatuses.Completed, EndReason.TimeLimit,
                        $"softphone runaway guard: more than {services.Options.MaxDocumentsPerCall} TwiML documents in one call"));
                }

                var (document, documentUrl, ending) = await LoadAsync(next, cancellationToken);
                if (ending is not null)
                {
                    return ending;
                }

                var outcome = await RunDocumentAsync(document!, documentUrl, cancellationToken);
                switch (outcome)
                {
                    case NavigateOutcome navigate:
                        next = navigate.Next;
                        break;
                    case EndOutcome end:
                        return end.Ending;
                    default:
                        return new CallEnding(CallStatuses.Completed, EndReason.DocumentEnded, "the TwiML ran out of verbs: Twilio hangs up");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new CallEnding(Answered ? CallStatuses.Completed : CallStatuses.Canceled, EndReason.Canceled, "the softphone was stopped");
        }
    }

    private bool Answered => Context.AnsweredAt is not null;

    private async Task<VerbOutcome> RunDocumentAsync(TwimlDocument document, Uri? documentUrl, CancellationToken cancellationToken)
    {
        foreach (var verb in document.Verbs)
        {
            if (timeline.Elapsed > services.Options.MaxCallDuration)
            {
                return VerbOutcome.End(CallStatuses.Completed, EndReason.TimeLimit, $"the call reached its {services.Options.MaxCallDuration} limit");
            }

            if (live.HasPending)
            {
                return FromInterrupt();
            }

            if (!Answered)
            {
                if (verb is RejectVerb reject)
                {
                    var status = reject.Reason == "busy" ? CallStatuses.Busy : CallStatuses.NoAnswer;
                    Add(TranscriptKind.Reject, $"call rejected ({reject.Reason}): never answered, ends as {status}");
                    return VerbOutcome.End(status, EndReason.Rejected, $"<Reject reason=\"{reject.Reason}\"/>");
                }

                Answer();
            }

            using var interruptible = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, live.InterruptToken);
            VerbOutcome outcome;
            try
            {
                outcome = await ExecuteAsync(verb, documentUrl, interruptible.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && live.HasPending)
            {
                return FromInterrupt();
            }

            if (outcome is not ContinueOutcome)
            {
                return outcome;
            }
        }

        return live.HasPending ? FromInterrupt() : VerbOutcome.Continue;
    }

    private VerbOutcome FromInterrupt() => live.TakePending() switch
    {
        EndInstruction end => Ended(end.Ending),
        { } instruction => Redirected(instruction),
        null => VerbOutcome.Continue,
    };

    private VerbOutcome Ended(CallEnding ending)
    {
        Add(TranscriptKind.Hangup, "ended through the REST API (Status=completed)");
        return new EndOutcome(ending);
    }

    private VerbOutcome Redirected(Instruction instruction)
    {
        Add(TranscriptKind.Redirect, instruction is FetchInstruction fetch ? $"call updated through the REST API: {fetch.Method} {fetch.Url}" : "call updated through the REST API with inline TwiML");
        return VerbOutcome.Navigate(instruction);
    }

    private void Answer()
    {
        Context.AnsweredAt = timeline.Now;
        Context.Status = CallStatuses.InProgress;
        Add(TranscriptKind.Call, "answered");
    }

    /// <summary>Fetches (or parses) the next document; on failure tries the fallback URL, then ends the call the way Twilio does.</summary>
    private async Task<(TwimlDocument? Document, Uri? Url, CallEnding? Ending)> LoadAsync(Instruction instruction, CancellationToken cancellationToken)
    {
        TwilioNotification failure;
        Uri? failedUrl = null;
        switch (instruction)
        {
            case EndInstruction end:
                return (null, null, end.Ending);
            case BrokenInstruction broken:
                failure = broken.Failure;
                failedUrl = broken.Failure.Url;
                break;
            case InlineInstruction inline:
                try
                {
                    var inlineDocument = TwimlParser.Parse(inline.Twiml);
                    Warn(inlineDocument.Warnings);
                    return (inlineDocument, null, null);
                }
                catch (TwimlSchemaException exception)
                {
                    failure = exception.Notification;
                }

                break;
            case FetchInstruction fetch:
                var load = await FetchAsync(fetch, cancellationToken);
                if (load.Failure is null)
                {
                    return (load.Document, fetch.Url, null);
                }

                failure = load.Failure;
                failedUrl = fetch.Url;
                break;
            default:
                throw new InvalidOperationException($"Unknown instruction {instruction}.");
        }

        Report(failure);
        if (fallback is not null)
        {
            var extra = new List<KeyValuePair<string, string>> { new("ErrorCode", failure.Code.ToString(CultureInfo.InvariantCulture)) };
            if (failedUrl is not null)
            {
                extra.Add(new("ErrorUrl", failedUrl.AbsoluteUri));
            }

            var load = await FetchAsync(new FetchInstruction("fallback", fallback.Url, fallback.Method, extra), cancellationToken);
            if (load.Failure is null)
            {
                return (load.Document, fallback.Url, null);
            }

            Report(load.Failure);
        }

        if (!Answered)
        {
            Answer();
        }

        await SayAsync(services.Options.ApplicationErrorMessage, "en-US", cancellationToken);
        return (null, null, new CallEnding(CallStatuses.Completed, EndReason.ApplicationError, failure.ToString()));
    }

    private async Task<DocumentLoad> FetchAsync(FetchInstruction fetch, CancellationToken cancellationToken)
    {
        var parameters = Context.StandardParameters();
        parameters.AddRange(fetch.Extra);
        var request = new WebhookRequest(fetch.Purpose, fetch.Url, fetch.Method, parameters);
        Add(TranscriptKind.Request, $"{fetch.Method} {fetch.Url} ({fetch.Purpose}{Describe(fetch.Extra)})");
        var load = await services.Loader.LoadAsync(request, _cookies, cancellationToken);
        var exchange = load.Exchange;
        services.Metrics.Webhook(fetch.Purpose, exchange.Latency, load.Failure is null);
        var outcome = exchange.StatusCode is { } status ? $"HTTP {status} {exchange.ContentType ?? "(no Content-Type)"}" : "no response";
        transcript.Add(new TranscriptEntry(timeline.Elapsed, TranscriptKind.Response, $"{outcome} in {exchange.Latency.TotalMilliseconds:0} ms") { Exchange = exchange });
        if (load.Document is not null)
        {
            Warn(load.Document.Warnings);
        }

        return load;
    }

    private static string Describe(IReadOnlyList<KeyValuePair<string, string>> extra) =>
        extra.Count == 0 ? "" : ": " + string.Join(", ", extra.Select(p => $"{p.Key}={p.Value}"));

    private void Warn(IEnumerable<TwilioNotification> warnings)
    {
        foreach (var warning in warnings)
        {
            Report(warning);
        }
    }

    internal void Report(TwilioNotification notification)
    {
        var kind = notification.Level == NotificationLevel.Error ? TranscriptKind.Error : TranscriptKind.Warning;
        transcript.Add(new TranscriptEntry(timeline.Elapsed, kind, notification.ToString()) { Notification = notification });
        services.Metrics.TwilioError(notification.Code);
        services.Logger.LogWarning("Call {CallSid}: Twilio {Level} {Code} {Title}", Context.CallSid, notification.Level, notification.Code, notification.Title);
    }

    internal void Add(TranscriptKind kind, string text) => transcript.Add(new TranscriptEntry(timeline.Elapsed, kind, text));

    private CallEnding Note(CallEnding ending)
    {
        Add(TranscriptKind.Note, ending.Detail);
        return ending;
    }

    /// <summary>An action or redirect URL, resolved against the current document as Twilio does.</summary>
    internal static Instruction Navigate(string purpose, string url, HttpMethod method, Uri? documentUrl, IReadOnlyList<KeyValuePair<string, string>> extra)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return new FetchInstruction(purpose, absolute, method, extra);
        }

        if (documentUrl is not null && Uri.TryCreate(documentUrl, url, out var resolved))
        {
            return new FetchInstruction(purpose, resolved, method, extra);
        }

        return new BrokenInstruction(TwilioErrors.Error(TwilioErrors.InvalidUrlFormat,
            documentUrl is null ? $"{purpose} URL '{url}' is relative, but the TwiML was given inline: nothing to resolve it against" : $"{purpose} URL '{url}' is not a valid URL"));
    }
}
