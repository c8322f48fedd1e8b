using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>The RFC 9457 problems of the contract (docs/scheduling-api.md), one factory per slug.</summary>
internal static class Problems
{
    public const string TypeBase = "https://phonebooking.dev/problems/";

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, "One or more fields are invalid; see errors.", title: "Invalid request", type: TypeBase + "validation");

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult IdempotencyKeyMissing() =>
        Problem(400, "idempotency-key-missing", "Idempotency-Key required", "Every write needs an Idempotency-Key header (1-200 printable ASCII characters).");

    public static ProblemHttpResult IdempotencyKeyReused() =>
        Problem(422, "idempotency-key-reused", "Idempotency-Key reused", "This Idempotency-Key was already used with a different request. Use a new key for a new request.");

    public static ProblemHttpResult NotFound(string detail) => Problem(404, "not-found", "Not found", detail);

    public static ProblemHttpResult OfferExpired() =>
        Problem(409, "offer-expired", "Offer expired", "The hold on this offer ran out; the place was released and the request went back to the queue.");

    public static ProblemHttpResult OfferDecided() =>
        Problem(409, "offer-decided", "Offer already decided", "This offer was already accepted or declined.");

    public static ProblemHttpResult BookingCancelled() =>
        Problem(409, "booking-cancelled", "Booking already cancelled", "This booking was already cancelled.");

    public static ProblemHttpResult FacilityCredentialsInvalid(int attemptsRemaining) =>
        Problem(401, "facility-credentials-invalid", "Facility code or PIN not recognised", "The facility code or PIN is not right.", ("attemptsRemaining", attemptsRemaining));

    public static ProblemHttpResult FacilityLocked(DateTimeOffset lockedUntil) =>
        Problem(423, "facility-locked", "Facility locked", "Too many wrong PINs; try again later.", ("lockedUntil", lockedUntil));

    public static ProblemHttpResult PayloadTooLarge(int? maxBytes) =>
        Problem(413, "payload-too-large", "Request body too large", maxBytes is null
            ? "The request body is too large."
            : string.Create(CultureInfo.InvariantCulture, $"The request body must be at most {maxBytes} bytes."));

    public static ProblemHttpResult Unauthenticated(bool keyGiven) =>
        Problem(401, "unauthenticated", "API key required", keyGiven
            ? "The X-Api-Key header does not hold a key this API knows."
            : "Send the client's key in the X-Api-Key header. Without one, only /health and /openapi/v1.json answer.");

    public static ProblemHttpResult Forbidden(string scope) =>
        Problem(403, "forbidden", "Not allowed for this client", string.IsNullOrEmpty(scope)
            ? "This client may not use this endpoint."
            : $"This client may not use this endpoint: it needs the scope {scope}.");

    public static ProblemHttpResult ChannelNotAllowed(string channel, string scope) =>
        Problem(403, "forbidden", "Not allowed for this client", $"Booking requests with channel {channel} need the scope {scope}.");

    public static ProblemHttpResult RateLimited(TimeSpan retryAfter) =>
        Problem(429, "rate-limited", "Too many requests", "This client sent more requests than its limit allows; wait Retry-After seconds.", ("retryAfterSeconds", Seconds(retryAfter)));

    public static ProblemHttpResult TooManyAttempts(TimeSpan retryAfter) =>
        Problem(429, "too-many-attempts", "Too many wrong attempts", "Too many wrong attempts; wait Retry-After seconds before trying again.", ("retryAfterSeconds", Seconds(retryAfter)));

    public static ProblemHttpResult DuplicateRequest() =>
        Problem(409, "duplicate-request", "This person already has a request", "This person already has an open booking request or a booking. Look the booking up, or cancel it, before booking again.");

    public static ProblemHttpResult DatabaseUnavailable() =>
        Problem(503, "unavailable", "Temporarily unavailable", "The booking database is busy or unavailable; retry shortly with the same Idempotency-Key.");

    public static ProblemHttpResult Overloaded(TimeSpan retryAfter) =>
        Problem(503, "overloaded", "Too busy right now", "The API is answering as many requests as it can; retry after Retry-After seconds (with the same Idempotency-Key for a write).", ("retryAfterSeconds", Seconds(retryAfter)));

    /// <summary>Whole seconds, rounded up: a client waiting that long is never early.</summary>
    public static int Seconds(TimeSpan wait) => (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));

    private static ProblemHttpResult Problem(int status, string slug, string title, string detail, params (string Name, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Type = TypeBase + slug, Title = title, Detail = detail };
        foreach (var (name, value) in extensions)
        {
            problem.Extensions[name] = value;
        }

        return TypedResults.Problem(problem);
    }
}
