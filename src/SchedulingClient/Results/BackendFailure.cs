namespace PhoneBooking.SchedulingClient;

/// <summary>Why the backend gave no usable answer. The call flow treats every reason alike (hand over to a person); the reason is for logs and health.</summary>
public enum BackendFailureReason
{
    /// <summary>The attempt or total budget ran out.</summary>
    Timeout,

    /// <summary>5xx after the retries allowed.</summary>
    ServerError,

    /// <summary>429 after the retries allowed, or a Retry-After longer than the budget left.</summary>
    Throttled,

    /// <summary>503 <c>overloaded</c> after the retries allowed: the API shed the request to keep its latency within budget.</summary>
    Overloaded,

    /// <summary>The circuit breaker is open: the call was not attempted.</summary>
    CircuitOpen,

    /// <summary>Refused, reset or dropped connection.</summary>
    ConnectionFailed,

    /// <summary>A 2xx whose body is not the contract's JSON.</summary>
    MalformedResponse,

    /// <summary>A status or problem type the contract does not list for this call.</summary>
    UnexpectedResponse,
}

/// <param name="Detail">Diagnostic text without personal data, e.g. <c>HTTP 503 from submit-booking-request after 3 attempts</c>.</param>
public sealed record BackendFailure(BackendFailureReason Reason, string Detail);
