using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
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
/// The scheduling client's resilience handler (<c>AddResilienceHandler</c>), outer to inner:
/// total timeout → retry → circuit breaker → attempt timeout. The registry keeps one pipeline per
/// client, so the breaker's memory outlives the handlers IHttpClientFactory recycles; its
/// transitions feed <see cref="IBackendHealth"/>. Time comes from the injected TimeProvider.
/// </summary>
internal static class SchedulingResilience
{
    public const string PipelineName = "scheduling";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var health = services.GetRequiredService<BackendHealthMonitor>();
        var metrics = services.GetRequiredService<SchedulingClientMetrics>();
        var logger = services.GetRequiredService<ILogger<ISchedulingClient>>();
        builder.TimeProvider = time;

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout });

        if (options.RetryCount > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = options.RetryCount,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome, options, time)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? FailureText.RetryAfter(response, time.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    var operation = Request(args.Context).GetOperation();
                    metrics.RecordRetry(operation, FailureText.Tag(args.Outcome));
                    Log.Retrying(logger, operation, args.AttemptNumber + 1, FailureText.Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = "circuit-breaker",
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(FailureText.IsTransient(args.Outcome)),
            OnOpened = args =>
            {
                var lastFailure = FailureText.Describe(args.Outcome);
                metrics.RecordBreakerTransition("open");
                Log.BreakerOpened(logger, args.BreakDuration, lastFailure);
                health.BreakerOpened($"circuit breaker open for {args.BreakDuration} after {lastFailure}");
                return default;
            },
            OnHalfOpened = _ =>
            {
                metrics.RecordBreakerTransition("half-open");
                Log.BreakerHalfOpened(logger);
                health.BreakerHalfOpened();
                return default;
            },
            OnClosed = _ =>
            {
                metrics.RecordBreakerTransition("closed");
                Log.BreakerClosed(logger);
                health.BreakerClosed();
                return default;
            },
        });

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.AttemptTimeout });
    }

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, SchedulingOptions options, TimeProvider time)
    {
        var request = Request(context);
        if (!FailureText.IsTransient(outcome) || !request.IsRetrySafe() || request.GetAnswerKind() == AnswerKind.Shed)
        {
            return false;
        }

        // A Retry-After past the budget left cannot succeed in time: answer now, so the caller
        // reaches a person sooner instead of hearing silence until the total timeout.
        var left = options.TotalTimeout - request.GetElapsed(time);
        return outcome.Result is not { } response || FailureText.RetryAfter(response, time.GetUtcNow()) is not { } wait || wait < left;
    }

    private static HttpRequestMessage Request(ResilienceContext context) =>
        context.GetRequestMessage() ?? throw new InvalidOperationException("The resilience handler did not attach the request.");
}
