using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Polly.CircuitBreaker;
using Refit;
using Polly.Timeout;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.SchedulingClient.Resilience;

namespace PhoneBooking.SchedulingClient;

/// <summary>Turns what came back (a response or an exception) into a <see cref="SchedulingResult{T}"/>.</summary>
internal static class ResponseMapper
{
    private const string ProblemTypePrefix = "https://phonebooking.dev/problems/";

    public static async Task<SchedulingResult<T>> MapAsync<T>(HttpResponseMessage response, string operation, int attempts, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            try
            {
                var value = await response.Content.ReadFromJsonAsync<T>(SchedulingJson.Options, cancellationToken).ConfigureAwait(false);
                return value is null
                    ? Failed<T>(BackendFailureReason.MalformedResponse, $"{operation}: HTTP {status} with an empty (null) body")
                    : SchedulingResult.Success(value);
            }
            catch (JsonException ex)
            {
                return Failed<T>(BackendFailureReason.MalformedResponse, $"{operation}: HTTP {status} body is not a {typeof(T).Name} (at {ex.Path ?? "$"}, line {ex.LineNumber})");
            }
        }

        var kind = response.RequestMessage.GetAnswerKind();
        if (FailureText.IsTransient(response.StatusCode) && kind != AnswerKind.ExpectedRefusal)
        {
            var reason = (response.StatusCode, kind) switch
            {
                (_, AnswerKind.Shed) => BackendFailureReason.Overloaded,
                (HttpStatusCode.TooManyRequests, _) => BackendFailureReason.Throttled,
                _ => BackendFailureReason.ServerError,
            };
            return Failed<T>(reason, $"{operation}: {FailureText.Describe(response)} {Attempts(attempts)}");
        }

        var problem = await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false);
        return ExpectedOutcome(status, problem?.Slug) is { } outcome
            ? SchedulingResult.Expected<T>(outcome, problem ?? new ApiProblem(status, "not-found", "Not Found", null, new Dictionary<string, string[]>()))
            : Failed<T>(BackendFailureReason.UnexpectedResponse, $"{operation}: HTTP {status} {problem?.Slug ?? "without problem details"}");
    }

    /// <param name="exception">As Refit surfaces it: a transport or pipeline failure wrapped in <see cref="ApiRequestException"/>, which keeps the request (and so its attempt count).</param>
    public static SchedulingResult<T> MapException<T>(Exception exception, string operation)
    {
        var attempts = (exception as ApiRequestException)?.RequestMessage?.GetAttempts() ?? 0;
        if (exception is ApiRequestException { InnerException: { } inner })
        {
            exception = inner;
        }

        var reason = exception switch
        {
            TimeoutRejectedException or OperationCanceledException => BackendFailureReason.Timeout,
            BrokenCircuitException => BackendFailureReason.CircuitOpen,
            HttpRequestException or IOException or SocketException => BackendFailureReason.ConnectionFailed,
            _ => BackendFailureReason.UnexpectedResponse,
        };
        return Failed<T>(reason, $"{operation}: {FailureText.Describe(exception)} {Attempts(attempts)}");
    }

    public static SchedulingResult<T> Failed<T>(BackendFailureReason reason, string detail) =>
        SchedulingResult.Failed<T>(new BackendFailure(reason, detail));

    private static string Attempts(int attempts) => attempts switch
    {
        0 => "(not sent)",
        1 => "after 1 attempt",
        _ => string.Create(CultureInfo.InvariantCulture, $"after {attempts} attempts"),
    };

    // Only a 404 may come without problem details (an unknown route looks like an unknown id).
    private static SchedulingOutcome? ExpectedOutcome(int status, string? slug) => slug switch
    {
        "not-found" => SchedulingOutcome.NotFound,
        "offer-expired" => SchedulingOutcome.OfferExpired,
        "offer-decided" => SchedulingOutcome.OfferDecided,
        "booking-cancelled" => SchedulingOutcome.BookingCancelled,
        "validation" => SchedulingOutcome.Validation,
        "idempotency-key-reused" => SchedulingOutcome.IdempotencyKeyReused,
        "facility-credentials-invalid" => SchedulingOutcome.FacilityCredentialsInvalid,
        "facility-locked" => SchedulingOutcome.FacilityLocked,
        "duplicate-request" => SchedulingOutcome.DuplicateRequest,
        "too-many-attempts" => SchedulingOutcome.TooManyAttempts,
        null when status == 404 => SchedulingOutcome.NotFound,
        _ => null,
    };

    private static async Task<ApiProblem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {

        ProblemBody? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<ProblemBody>(SchedulingJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }

        if (body?.Type is not { } type || !type.StartsWith(ProblemTypePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        return new ApiProblem(
            body.Status ?? (int)response.StatusCode,
            type[ProblemTypePrefix.Length..],
            body.Title,
            body.Detail,
            body.Errors ?? new Dictionary<string, string[]>(),
            body.AttemptsRemaining,
            body.LockedUntil,
            RetryAfter(response, body.RetryAfterSeconds));
    }

    private sealed record ProblemBody(
        string? Type,
        string? Title,
        int? Status,
        string? Detail,
        Dictionary<string, string[]>? Errors,
        int? AttemptsRemaining,
        DateTimeOffset? LockedUntil,
        int? RetryAfterSeconds);

    /// <summary>The header when there is one (it is the protocol), else the body's <c>retryAfterSeconds</c>.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response, int? bodySeconds) =>
        response.Headers.RetryAfter?.Delta
        ?? (bodySeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
}
