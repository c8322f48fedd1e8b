using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PhoneBooking.SchedulingClient.Resilience;

/// <summary>What counts as a transient failure, and how one is put in words (no personal data: statuses and error kinds only).</summary>
internal static class FailureText
{
    /// <summary>
    /// Failures worth another attempt and worth counting against the backend: 408, 429, 5xx, timeouts,
    /// transport errors — except a refusal of this request alone (429 <c>too-many-attempts</c>, <see cref="AnswerKind.ExpectedRefusal"/>).
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsTransient(response.StatusCode) && response.RequestMessage.GetAnswerKind() != AnswerKind.ExpectedRefusal,
        HttpRequestException or IOException or TimeoutRejectedException => true,
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>The wait a 429/503 asks for, if any; a date in the past is no wait.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date - now) ?? TimeSpan.Zero;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception ? Describe(exception) : Describe(outcome.Result!);

    public static string Describe(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} (Retry-After {delta.TotalSeconds:0.#} s)")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");

    public static string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException timeout => $"no answer within {timeout.Timeout}",
        BrokenCircuitException => "circuit breaker open",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } http =>
            http.InnerException is SocketException socket ? $"connection failed ({socket.SocketErrorCode})" : "connection failed",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "connection closed mid-response",
        HttpRequestException http => $"transport error ({http.HttpRequestError})",
        IOException => "connection closed mid-response",
        OperationCanceledException => "cancelled",
        _ => exception.GetType().Name,
    };

    /// <summary>A short, low-cardinality tag for metrics.</summary>
    public static string Tag(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => string.Create(CultureInfo.InvariantCulture, $"http-{(int)outcome.Result!.StatusCode}"),
        TimeoutRejectedException => "timeout",
        _ => "transport",
    };
}
