using System.Net;
using System.Text.Json;

namespace PhoneBooking.SchedulingClient.Resilience;

/// <summary>What a 429 or 503 means, from its problem type; every other answer is decided by its status alone.</summary>
internal enum AnswerKind
{
    /// <summary>Decided by the status: 5xx, 408, 429 are transient backend failures (retried, counted by the breaker).</summary>
    ByStatus,

    /// <summary>
    /// 429 <c>too-many-attempts</c>: the API's guess throttle refusing this one code or client — an answer
    /// about the request, not the backend's health. Retrying cannot help within a call, and counting it would
    /// let an attacker who makes many wrong guesses open the breaker for every caller. Becomes
    /// <see cref="SchedulingOutcome.TooManyAttempts"/>.
    /// </summary>
    ExpectedRefusal,

    /// <summary>
    /// 503 <c>overloaded</c>: the API shed the request to keep its latency within budget. A backend failure
    /// (the breaker counts it: backing off is the point), but not retried inside the call: a retry at once
    /// would add to the overload it reports. The caller's flow decides whether to try once more, later.
    /// </summary>
    Shed,
}

internal static class AnswerKinds
{
    private const string TooManyAttemptsType = "https://phonebooking.dev/problems/too-many-attempts";
    private const string OverloadedType = "https://phonebooking.dev/problems/overloaded";

    /// <summary>Reads the (buffered) body of a 429 or 503 only.</summary>
    public static async Task<AnswerKind> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return AnswerKind.ByStatus;
        }

        // A copy of the buffer: the mapper reads the body again later.
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return (response.StatusCode, ProblemType(body)) switch
        {
            (HttpStatusCode.TooManyRequests, TooManyAttemptsType) => AnswerKind.ExpectedRefusal,
            (HttpStatusCode.ServiceUnavailable, OverloadedType) => AnswerKind.Shed,
            _ => AnswerKind.ByStatus,
        };
    }

    private static string? ProblemType(byte[] body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object
                && problem.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
