using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PhoneBooking.Twilio.Rest;

/// <summary>
/// The Twilio REST client's resilience handler: 429 (Twilio's rate limit, e.g. calls per second)
/// and 503, which Twilio sends when it did not act on the request, are retried honouring
/// Retry-After; otherwise exponential back-off with jitter. Nothing else is retried: after a
/// network error or timeout a create may have gone through, and a senior must not be rung twice
/// (the SDK reports it as <c>ApiConnectionException</c>: "in doubt"). A Retry-After beyond
/// <see cref="MaxRetryAfter"/> is handed back as the error, so the dialer can reschedule.
/// The whole call, retries included, stays within <c>Twilio:RequestTimeout</c>: the outermost strategy,
/// on the same clock as the retries (HttpClient's own timeout is off). Past it the SDK reports
/// <c>ApiConnectionException</c>, as for any answer that never came.
/// </summary>
internal static partial class TwilioResilience
{
    public const string PipelineName = "twilio-rest";

    public const int MaxRetryAttempts = 3;

    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var time = Clock(context.ServiceProvider);
        var metrics = context.ServiceProvider.GetRequiredService<TwilioMetrics>();
        var logger = context.ServiceProvider.GetRequiredService<ILogger<TwilioApiClient>>();
        builder.TimeProvider = time;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "request-timeout",
            Timeout = context.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeout,
        });
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "retry",
            MaxRetryAttempts = MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = MaxRetryAfter,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response && ShouldRetry(response, time)),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, time) : null),
            OnRetry = args =>
            {
                var status = (int)args.Outcome.Result!.StatusCode;
                LogRetry(logger, status, args.AttemptNumber + 1, args.RetryDelay);
                metrics.ApiRetried(status);
                return default;
            },
        });
    }

    /// <summary>
    /// The clock registered for Twilio's client (keyed <see cref="TwilioApiClient.HttpClientName"/>) if any, else the
    /// host's: a test whose own clock drives the dialer keeps Twilio's silence on a clock it moves only once the
    /// request has reached the stand-in, instead of racing a deadline in real time.
    /// </summary>
    private static TimeProvider Clock(IServiceProvider services) =>
        services.GetKeyedService<TimeProvider>(TwilioApiClient.HttpClientName) ?? services.GetRequiredService<TimeProvider>();

    private static bool ShouldRetry(HttpResponseMessage response, TimeProvider time) =>
        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
        && (RetryAfter(response, time) ?? TimeSpan.Zero) <= MaxRetryAfter;

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Twilio answered HTTP {StatusCode}; retry {Attempt} in {Delay}")]
    private static partial void LogRetry(ILogger logger, int statusCode, int attempt, TimeSpan delay);
}
