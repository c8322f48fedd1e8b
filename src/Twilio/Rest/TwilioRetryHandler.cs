using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace PhoneBooking.Twilio.Rest;

/// <summary>
/// Retries 429 (Twilio's rate limit, e.g. calls per second) and 503, which Twilio sends when it did
/// not act on the request, honouring Retry-After; otherwise exponential back-off with jitter.
/// Network errors and timeouts are NOT retried: a create-call that may have gone through must not
/// ring a caller twice. A Retry-After beyond <see cref="MaxRetryAfter"/> is handed back as the error.
/// </summary>
public sealed partial class TwilioRetryHandler : DelegatingHandler
{
    public const int MaxRetryAttempts = 3;

    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public TwilioRetryHandler(TimeProvider timeProvider, TwilioMetrics metrics, ILogger<TwilioRetryHandler> logger)
    {
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = MaxRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response && ShouldRetry(response, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, timeProvider) : null),
                OnRetry = args =>
                {
                    var status = (int)args.Outcome.Result!.StatusCode;
                    LogRetry(logger, status, args.AttemptNumber + 1, args.RetryDelay);
                    metrics.ApiRetried(status);
                    return default;
                },
            })
            .Build();
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(async (message, token) => await base.SendAsync(message, token), request, cancellationToken).AsTask();

    private static bool ShouldRetry(HttpResponseMessage response, TimeProvider timeProvider) =>
        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
        && (RetryAfter(response, timeProvider) ?? TimeSpan.Zero) <= MaxRetryAfter;

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Twilio answered HTTP {StatusCode}; retry {Attempt} in {Delay}")]
    private static partial void LogRetry(ILogger logger, int statusCode, int attempt, TimeSpan delay);
}
