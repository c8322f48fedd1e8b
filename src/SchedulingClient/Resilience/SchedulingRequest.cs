using System.Text;
using Refit;

namespace PhoneBooking.SchedulingClient.Resilience;

/// <summary>What the resilience handler needs to know about a request beyond its method and headers.</summary>
internal static class SchedulingRequest
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Refit <c>[Property]</c> key marking a POST that changes nothing (eligibility, lookup, facility verify).</summary>
    public const string ReadOnlyProperty = "PhoneBooking.Scheduling.ReadOnly";

    private static readonly HttpRequestOptionsKey<bool> ReadOnlyKey = new(ReadOnlyProperty);
    private static readonly HttpRequestOptionsKey<string> MethodNameKey = new(HttpRequestMessageOptions.MethodName);
    private static readonly HttpRequestOptionsKey<int> AttemptsKey = new("PhoneBooking.Scheduling.Attempts");
    private static readonly HttpRequestOptionsKey<long> StartedKey = new("PhoneBooking.Scheduling.Started");
    private static readonly HttpRequestOptionsKey<AnswerKind> AnswerKindKey = new("PhoneBooking.Scheduling.AnswerKind");

    /// <summary>The logical operation for metrics and logs: the Refit method's name in kebab case (<c>SubmitBookingRequest</c> → <c>submit-booking-request</c>).</summary>
    public static string GetOperation(this HttpRequestMessage request) =>
        request.Options.TryGetValue(MethodNameKey, out var method) ? Kebab(method) : $"{request.Method} {request.RequestUri?.AbsolutePath}";

    /// <summary>GETs, marked read-only requests and keyed writes may be sent again; nothing else may.</summary>
    public static bool IsRetrySafe(this HttpRequestMessage request) =>
        request.Method == HttpMethod.Get
        || request.Method == HttpMethod.Head
        || (request.Options.TryGetValue(ReadOnlyKey, out var readOnly) && readOnly)
        || request.Headers.Contains(IdempotencyKeyHeader);

    /// <summary>How many times the request was sent (0 when the breaker refused it).</summary>
    public static int GetAttempts(this HttpRequestMessage request) =>
        request.Options.TryGetValue(AttemptsKey, out var attempts) ? attempts : 0;

    /// <summary>Counts an attempt; the first one also marks when the call began (the retry's budget is measured from it).</summary>
    public static void CountAttempt(this HttpRequestMessage request, TimeProvider time)
    {
        var attempts = request.GetAttempts();
        if (attempts == 0)
        {
            request.Options.Set(StartedKey, time.GetTimestamp());
        }

        request.Options.Set(AttemptsKey, attempts + 1);
    }

    /// <summary>What the latest attempt's answer means (<see cref="AnswerKind"/>), set once per attempt.</summary>
    public static void MarkAnswer(this HttpRequestMessage request, AnswerKind kind) =>
        request.Options.Set(AnswerKindKey, kind);

    /// <summary>What the latest attempt's answer means; <see cref="AnswerKind.ByStatus"/> before any.</summary>
    public static AnswerKind GetAnswerKind(this HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(AnswerKindKey, out var kind) ? kind : AnswerKind.ByStatus;

    /// <summary>Time since the first attempt left (zero before it).</summary>
    public static TimeSpan GetElapsed(this HttpRequestMessage request, TimeProvider time) =>
        request.Options.TryGetValue(StartedKey, out var started) ? time.GetElapsedTime(started) : TimeSpan.Zero;

    private static string Kebab(string name)
    {
        var kebab = new StringBuilder(name.Length + 8);
        foreach (var c in name.EndsWith("Async", StringComparison.Ordinal) ? name[..^5] : name)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }
}
