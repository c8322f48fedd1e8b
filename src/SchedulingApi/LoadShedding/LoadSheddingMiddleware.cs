using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.LoadShedding;

/// <summary>
/// Sheds load before latency passes the client's budget. At most <see cref="LoadSheddingOptions.MaxConcurrentRequests"/>
/// requests run; the rest wait in arrival order, each at most <see cref="LoadSheddingOptions.MaxQueueTime"/>. A
/// request that runs gets a deadline (<see cref="LoadSheddingOptions.RequestDeadline"/> from arrival) as its
/// <c>RequestAborted</c>, so whatever it waits on — the SQLite writer, a pooled PostgreSQL connection, a query —
/// gives up in time. Every shed request is answered at once: 503 <c>overloaded</c>, <c>Retry-After</c>, a problem
/// body. Health endpoints are never shed: a balancer must keep seeing the truth.
/// </summary>
internal sealed class LoadSheddingMiddleware : IDisposable
{
    private readonly RequestDelegate _next;
    private readonly LoadSheddingOptions _options;
    private readonly TimeProvider _clock;
    private readonly LoadSheddingMetrics _metrics;
    private readonly ILogger<LoadSheddingMiddleware> _logger;
    private readonly ConcurrencyLimiter _slots;

    public LoadSheddingMiddleware(RequestDelegate next, IOptions<LoadSheddingOptions> options, TimeProvider clock, LoadSheddingMetrics metrics, ILogger<LoadSheddingMiddleware> logger)
    {
        _next = next;
        _options = options.Value;
        _clock = clock;
        _metrics = metrics;
        _logger = logger;
        _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.MaxConcurrentRequests,
            QueueLimit = _options.MaxQueueLength,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_options.Enabled || context.Request.Path.StartsWithSegments("/health"))
        {
            await _next(context);
            return;
        }

        var aborted = context.RequestAborted;
        using var deadline = new CancellationTokenSource(_options.RequestDeadline, _clock);
        using var lease = await AcquireAsync(aborted);
        if (lease is null)
        {
            return; // the client went away while waiting: nobody to answer
        }

        if (!lease.IsAcquired)
        {
            await ShedAsync(context, lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason) ? reason! : LoadShedReasons.QueueTimeout);
            return;
        }

        using var running = CancellationTokenSource.CreateLinkedTokenSource(aborted, deadline.Token);
        context.RequestAborted = running.Token;
        _metrics.Started();
        try
        {
            await _next(context);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !aborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            // Rolled back (or committed with its idempotency record, which a retry replays): either way "try again" is right.
            context.Response.Clear();
            await ShedAsync(context, LoadShedReasons.Deadline);
        }
        finally
        {
            _metrics.Finished();
            context.RequestAborted = aborted;
        }
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>A lease (acquired, or refused with its reason), or null when the client went away.</summary>
    private async Task<RateLimitLease?> AcquireAsync(CancellationToken aborted)
    {
        var immediate = _slots.AttemptAcquire();
        if (immediate.IsAcquired)
        {
            return immediate;
        }

        immediate.Dispose();
        var started = _clock.GetTimestamp();
        using var queueTime = new CancellationTokenSource(_options.MaxQueueTime, _clock);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(aborted, queueTime.Token);
        _metrics.Queued();
        try
        {
            var lease = await _slots.AcquireAsync(1, waiting.Token);
            return lease.IsAcquired ? lease : Refused(lease, LoadShedReasons.QueueFull);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return Refused(null, LoadShedReasons.QueueTimeout);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            _metrics.Dequeued(_clock.GetElapsedTime(started));
        }
    }

    private Task ShedAsync(HttpContext context, string reason)
    {
        _metrics.Shed(reason);
        LoadSheddingLog.Shed(_logger, reason, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched");
        var wait = TimeSpan.FromSeconds(_options.RetryAfterSeconds);
        return new RetryAfterResult(Problems.Overloaded(wait), wait).ExecuteAsync(context);
    }

    private static RateLimitLease Refused(RateLimitLease? lease, string reason)
    {
        lease?.Dispose();
        return new RefusedLease(reason);
    }

    /// <summary>A refusal that carries why (full line, or waited too long).</summary>
    private sealed class RefusedLease(string reason) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.ReasonPhrase.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.ReasonPhrase.Name ? reason : null;
            return metadata is not null;
        }
    }
}

/// <summary>The <c>reason</c> tag of <c>scheduling.load.shed</c>.</summary>
internal static class LoadShedReasons
{
    /// <summary><see cref="LoadSheddingOptions.MaxQueueLength"/> requests were already waiting.</summary>
    public const string QueueFull = "queue-full";

    /// <summary>Waited <see cref="LoadSheddingOptions.MaxQueueTime"/> without a slot.</summary>
    public const string QueueTimeout = "queue-timeout";

    /// <summary>Started, but did not finish within <see cref="LoadSheddingOptions.RequestDeadline"/>.</summary>
    public const string Deadline = "deadline";
}

internal static partial class LoadSheddingLog
{
    // Debug: under overload there is one per shed request; the counter is what operators watch.
    [LoggerMessage(EventId = 100, EventName = "RequestShed", Level = LogLevel.Debug, Message = "Shed {Route}: {Reason}")]
    public static partial void Shed(ILogger logger, string reason, string route);
}
