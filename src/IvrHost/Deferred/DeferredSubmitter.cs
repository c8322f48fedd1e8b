using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.SchedulingClient;
using Api = PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.Deferred;

/// <summary>
/// Sends the requests saved while the scheduling API was down, once it is not Down: at start (what a
/// restart left), when the backend's health changes, and every <see cref="DeferredOptions.RetryInterval"/>.
/// Each goes with the idempotency key it was saved with, so a resubmit after a crash (accepted, not yet
/// marked) lands on the same request: none lost, none doubled. A phone request then gets its offer
/// callback; one the API refuses for good gets a person's call back instead.
/// </summary>
public sealed partial class DeferredSubmitter(
    IDeferredRequestStore store,
    ICallbackRequests callbacks,
    IServiceScopeFactory scopes,
    IBackendHealth health,
    IOptions<DeferredOptions> options,
    TimeProvider time,
    DeferredMetrics metrics,
    ILogger<DeferredSubmitter> logger) : BackgroundService
{
    /// <summary>How long a pass holds the requests it took: past it (a crash), another instance sends them.</summary>
    internal static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>This process, as the holder of the requests its passes take.</summary>
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Sends what is pending now (one pass at a time in this process). The background loop calls it; so can tests.</summary>
    public async Task<DeferredPass> SubmitPendingAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var pass = await RunPassAsync(cancellationToken);
            metrics.Pass(pass.Ending);
            LogPass(logger, pass.Ending, pass.Submitted, pass.Rejected);
            return pass;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        health.Changed += OnHealthChanged;
        var interval = options.Value.RetryInterval;
        using var timer = time.CreateTimer(_ => Wake(), null, interval, interval);
        Wake();
        try
        {
            await foreach (var _ in _wake.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await SubmitPendingAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The store failed, not the API: the next wake tries again.
                    LogPassFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: what is pending stays pending, on disk.
        }
        finally
        {
            health.Changed -= OnHealthChanged;
        }
    }

    private void OnHealthChanged(object? sender, BackendHealthChangedEventArgs e)
    {
        if (e.Current.State != BackendHealthState.Down)
        {
            Wake();
        }
    }

    private void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Takes pending requests batch by batch (held, so another instance's pass takes others) and lets go of what it did not send.</summary>
    private async Task<DeferredPass> RunPassAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await SendPendingAsync(cancellationToken);
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await store.ReleaseAsync(_owner, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The lease runs out by itself.
            LogReleaseFailed(logger, exception);
        }
    }

    private async Task<DeferredPass> SendPendingAsync(CancellationToken cancellationToken)
    {
        var (submitted, rejected) = (0, 0);
        await using var scope = scopes.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<ISchedulingClient>();
        while (true)
        {
            var batch = await store.ClaimPendingAsync(_owner, ClaimLease, options.Value.BatchSize, cancellationToken);
            foreach (var request in batch)
            {
                if (health.Current.State == BackendHealthState.Down)
                {
                    return new DeferredPass("backend-down", submitted, rejected);
                }

                switch (await SubmitAsync(api, request, cancellationToken))
                {
                    case DeferredStatus.Submitted:
                        submitted++;
                        break;
                    case DeferredStatus.Rejected:
                        rejected++;
                        break;
                    default:
                        // The API is struggling: leave the rest for its recovery rather than hammer it.
                        return new DeferredPass("backend-failed", submitted, rejected);
                }
            }

            if (batch.Count < options.Value.BatchSize)
            {
                return new DeferredPass("done", submitted, rejected);
            }
        }
    }

    private async Task<DeferredStatus> SubmitAsync(ISchedulingClient api, DeferredRequest request, CancellationToken cancellationToken)
    {
        if (!IdempotencyKey.TryParse(request.IdempotencyKey, out var key))
        {
            return await RejectAsync(request, "unreadable idempotency key", cancellationToken);
        }

        var result = await api.SubmitBookingRequestAsync(request.Submission, key, cancellationToken);
        if (result.IsBackendFailure)
        {
            metrics.Submission("failed");
            LogStillFailing(logger, request.CallSid, request.IdempotencyKey, result.Failure.Reason);
            return DeferredStatus.Pending;
        }

        if (!result.IsSuccess)
        {
            return await RejectAsync(request, result.Outcome.ToString(), cancellationToken);
        }

        // The callback first, then the mark: a crash between them resubmits (same key, same request) and saves the same callback id.
        var requestId = result.Value.RequestId;
        if (request.Submission.Channel == Api.Channel.Phone)
        {
            await callbacks.SaveAsync(Callback(CallbackKind.Offer, request, requestId), cancellationToken);
        }

        await store.MarkSubmittedAsync(request.IdempotencyKey, requestId, cancellationToken);
        metrics.Submission("submitted");
        LogSubmitted(logger, request.CallSid, request.IdempotencyKey, requestId);
        return DeferredStatus.Submitted;
    }

    /// <summary>Refused for good (e.g. a preferred day now past): a person calls back; an agent's booking shows as rejected in the console.</summary>
    private async Task<DeferredStatus> RejectAsync(DeferredRequest request, string reason, CancellationToken cancellationToken)
    {
        if (request.Submission.Channel == Api.Channel.Phone)
        {
            await callbacks.SaveAsync(Callback(CallbackKind.Agent, request, requestId: null) with { Handoff = HandoffReason.BackendDown }, cancellationToken);
        }

        await store.MarkRejectedAsync(request.IdempotencyKey, cancellationToken);
        metrics.Submission("rejected");
        LogRejected(logger, request.CallSid, request.IdempotencyKey, reason);
        return DeferredStatus.Rejected;
    }

    /// <summary>One callback per deferred request and kind: the id is made of the call and the key (letters, digits, dashes).</summary>
    private static CallbackRequest Callback(CallbackKind kind, DeferredRequest request, string? requestId) => new(
        $"{request.CallSid}-{kind.ToString().ToLowerInvariant()}-{request.IdempotencyKey.Replace(':', '-')}",
        kind,
        request.CallSid,
        request.Submission.ContactPhone,
        request.Submission.Person.Language,
        requestId,
        DueOn: null);

    [LoggerMessage(EventId = 2501, EventName = "DeferredSubmitted", Level = LogLevel.Information,
        Message = "Deferred request {IdempotencyKey} of call {CallSid} submitted as {RequestId}")]
    private static partial void LogSubmitted(ILogger logger, string callSid, string idempotencyKey, string requestId);

    [LoggerMessage(EventId = 2502, EventName = "DeferredRejected", Level = LogLevel.Warning,
        Message = "Deferred request {IdempotencyKey} of call {CallSid} refused by the scheduling API ({Reason}); a person will call back")]
    private static partial void LogRejected(ILogger logger, string callSid, string idempotencyKey, string reason);

    [LoggerMessage(EventId = 2503, EventName = "DeferredStillFailing", Level = LogLevel.Information,
        Message = "Deferred request {IdempotencyKey} of call {CallSid} not submitted yet: {Reason}")]
    private static partial void LogStillFailing(ILogger logger, string callSid, string idempotencyKey, BackendFailureReason reason);

    [LoggerMessage(EventId = 2504, EventName = "DeferredPassCompleted", Level = LogLevel.Information,
        Message = "Deferred submitter pass ended ({Ending}): {Submitted} submitted, {Rejected} rejected")]
    private static partial void LogPass(ILogger logger, string ending, int submitted, int rejected);

    [LoggerMessage(EventId = 2505, EventName = "DeferredPassFailed", Level = LogLevel.Error,
        Message = "Deferred submitter pass failed; pending requests stay pending")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2506, EventName = "DeferredReleaseFailed", Level = LogLevel.Warning,
        Message = "Deferred submitter could not let go of the requests it held; another instance takes them when the hold ends")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}

/// <param name="Ending"><c>done</c>, <c>backend-down</c> (not tried, or stopped when it went down) or <c>backend-failed</c> (a submit failed; the rest waits).</param>
public sealed record DeferredPass(string Ending, int Submitted, int Rejected);
