using System.Net;
using System.Text.Json;

namespace PhoneBooking.SchedulingClient.Resilience;

/// <summary>
/// A 429 is usually the backend asking everyone to slow down (transient: retried, counted by the
/// breaker). But 429 <c>too-many-attempts</c> is the API's guess throttle refusing this one code or
/// client: an answer about the request, not about the backend's health. Retrying cannot help within a
/// call's budget, and counting it would let an attacker who makes many wrong guesses open the breaker
/// for every caller. Such an answer is an expected outcome (<see cref="SchedulingOutcome.TooManyAttempts"/>).
/// </summary>
internal static class ExpectedRefusals
{
    public const string TooManyAttemptsType = "https://phonebooking.dev/problems/too-many-attempts";

    /// <summary>Reads the (buffered) body of a 429 only; every other answer is decided by its status.</summary>
    public static async Task<bool> IsExpectedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return false;
        }

        // A copy of the buffer: the mapper reads the body again later.
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object
                && problem.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                && type.GetString() == TooManyAttemptsType;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
