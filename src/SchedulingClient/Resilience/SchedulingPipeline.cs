using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using PhoneBooking.SchedulingClient.Diagnostics;
using PhoneBooking.SchedulingClient.Health;

namespace PhoneBooking.SchedulingClient.Resilience;

/// <summary>
/// The one pipeline every scheduling request goes through, outer to inner:
/// total timeout → retry → circuit breaker → attempt timeout. A singleton, so the breaker's
/// memory outlives the handlers IHttpClientFactory recycles.
/// </summary>
internal sealed class SchedulingPipeline
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("PhoneBooking.Scheduling.Request");
    private static readonly ResiliencePropertyKey<long> StartedKey = new("PhoneBooking.Scheduling.Started");

    private readonly SchedulingOptions _options;
    private readonly TimeProvider _time;
    private readonly BackendHealthMonitor _health;
    private readonly SchedulingClientMetrics _metrics;
    private readonly ILogger _logger;

    public SchedulingPipeline(
        IOptions<SchedulingOptions> options,
        TimeProvider time,
        BackendHealthMonitor health,
        SchedulingClientMetrics metrics,
        ILogger<SchedulingPipeline> logger)
    {
        _options = options.Value;
        _time = time;
        _health = health;
        _metrics = metrics;
        _logger = logger;
        Pipeline = Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>Gives the strategies what they decide on: the request (retry safety) and when the call began (budget left).</summary>
    public void Attach(ResilienceContext context, HttpRequestMessage request)
    {
        context.Properties.Set(RequestKey, request);
        context.Properties.Set(StartedKey, _time.GetTimestamp());
    }

    private ResiliencePipeline<HttpResponseMessage> Build()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "scheduling", TimeProvider = _time };

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total-timeout", Timeout = _options.TotalTimeout });

        if (_options.RetryCount > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = _options.RetryCount,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? FailureText.RetryAfter(response, _time.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    var operation = Request(args.Context).GetOperation();
                    _metrics.RecordRetry(operation, FailureText.Tag(args.Outcome));
                    Log.Retrying(_logger, operation, args.AttemptNumber + 1, FailureText.Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = "circuit-breaker",
            FailureRatio = _options.BreakerFailureRatio,
            MinimumThroughput = _options.BreakerMinimumThroughput,
            SamplingDuration = _options.BreakerSamplingDuration,
            BreakDuration = _options.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(FailureText.IsTransient(args.Outcome)),
            OnOpened = args =>
            {
                var lastFailure = FailureText.Describe(args.Outcome);
                _metrics.RecordBreakerTransition("open");
                Log.BreakerOpened(_logger, args.BreakDuration, lastFailure);
                _health.BreakerOpened($"circuit breaker open for {args.BreakDuration} after {lastFailure}");
                return default;
            },
            OnHalfOpened = _ =>
            {
                _metrics.RecordBreakerTransition("half-open");
                Log.BreakerHalfOpened(_logger);
                _health.BreakerHalfOpened();
                return default;
            },
            OnClosed = _ =>
            {
                _metrics.RecordBreakerTransition("closed");
                Log.BreakerClosed(_logger);
                _health.BreakerClosed();
                return default;
            },
        });

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt-timeout", Timeout = _options.AttemptTimeout });

        return builder.Build();
    }

    private bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (!FailureText.IsTransient(outcome) || !Request(context).IsRetrySafe())
        {
            return false;
        }

        // A Retry-After past the budget left cannot succeed in time: answer now, so the caller
        // reaches a person sooner instead of hearing silence until the total timeout.
        var started = context.Properties.GetValue(StartedKey, _time.GetTimestamp());
        var left = _options.TotalTimeout - _time.GetElapsedTime(started);
        return outcome.Result is not { } response || FailureText.RetryAfter(response, _time.GetUtcNow()) is not { } wait || wait < left;
    }

    private static HttpRequestMessage Request(ResilienceContext context) => context.Properties.GetValue(RequestKey, null!);
}
