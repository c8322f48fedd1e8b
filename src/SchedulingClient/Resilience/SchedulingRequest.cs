namespace PhoneBooking.SchedulingClient.Resilience;

/// <summary>What the resilience handler needs to know about a request beyond its method and headers.</summary>
internal static class SchedulingRequest
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly HttpRequestOptionsKey<string> OperationKey = new("PhoneBooking.Scheduling.Operation");
    private static readonly HttpRequestOptionsKey<bool> ReadOnlyKey = new("PhoneBooking.Scheduling.ReadOnly");
    private static readonly HttpRequestOptionsKey<int> AttemptsKey = new("PhoneBooking.Scheduling.Attempts");

    /// <summary>Names the logical operation for metrics and logs (e.g. <c>submit-booking-request</c>).</summary>
    public static HttpRequestMessage WithOperation(this HttpRequestMessage request, string operation)
    {
        request.Options.Set(OperationKey, operation);
        return request;
    }

    /// <summary>Writes carry the key of their logical step: the API replays the first answer to a repeat.</summary>
    public static HttpRequestMessage WithIdempotencyKey(this HttpRequestMessage request, IdempotencyKey key)
    {
        if (key.Value is null)
        {
            throw new ArgumentException("Writes need an IdempotencyKey from IdempotencyKey.For(...).", nameof(key));
        }

        request.Headers.Add(IdempotencyKeyHeader, key.Value);
        return request;
    }

    /// <summary>
    /// Marks a POST that changes nothing (eligibility, lookup, facility verify) as safe to retry.
    /// Unmarked POSTs are retried only when they carry an Idempotency-Key.
    /// </summary>
    public static HttpRequestMessage AsReadOnly(this HttpRequestMessage request)
    {
        request.Options.Set(ReadOnlyKey, true);
        return request;
    }

    public static string GetOperation(this HttpRequestMessage request) =>
        request.Options.TryGetValue(OperationKey, out var operation) ? operation : $"{request.Method} {request.RequestUri?.AbsolutePath}";

    /// <summary>GETs, marked read-only requests and keyed writes may be sent again; nothing else may.</summary>
    public static bool IsRetrySafe(this HttpRequestMessage request) =>
        request.Method == HttpMethod.Get
        || request.Method == HttpMethod.Head
        || (request.Options.TryGetValue(ReadOnlyKey, out var readOnly) && readOnly)
        || request.Headers.Contains(IdempotencyKeyHeader);

    /// <summary>How many times the request was sent (0 when the breaker refused it).</summary>
    public static int GetAttempts(this HttpRequestMessage request) =>
        request.Options.TryGetValue(AttemptsKey, out var attempts) ? attempts : 0;

    public static void CountAttempt(this HttpRequestMessage request) =>
        request.Options.Set(AttemptsKey, request.GetAttempts() + 1);
}
