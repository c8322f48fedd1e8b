namespace PhoneBooking.SchedulingClient;

/// <summary>The API's RFC 9457 problem details, as far as the call flow needs them.</summary>
/// <param name="Slug">Last segment of <c>type</c>, e.g. <c>offer-expired</c>.</param>
/// <param name="Errors">For validation: camelCase field path → messages, e.g. <c>preferences[2].partOfDay</c>.</param>
/// <param name="RetryAfter">How long to wait before trying again (429 <c>too-many-attempts</c>): <c>Retry-After</c>, or the body's <c>retryAfterSeconds</c>.</param>
public sealed record ApiProblem(
    int Status,
    string Slug,
    string? Title,
    string? Detail,
    IReadOnlyDictionary<string, string[]> Errors,
    int? AttemptsRemaining = null,
    DateTimeOffset? LockedUntil = null,
    TimeSpan? RetryAfter = null);
