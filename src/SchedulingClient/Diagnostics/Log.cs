using Microsoft.Extensions.Logging;

namespace PhoneBooking.SchedulingClient.Diagnostics;

/// <summary>Structured events: operation names, ids and reasons only, never request bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Retrying {Operation}: attempt {Attempt} failed with {Reason}; next attempt in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Circuit breaker opened for {BreakDuration} after {Reason}")]
    public static partial void BreakerOpened(ILogger logger, TimeSpan breakDuration, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Circuit breaker half-open: letting a trial call through")]
    public static partial void BreakerHalfOpened(ILogger logger);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Circuit breaker closed")]
    public static partial void BreakerClosed(ILogger logger);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Scheduling API call {Operation} failed: {Reason} {Detail}")]
    public static partial void CallFailed(ILogger logger, string operation, BackendFailureReason reason, string detail);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Backend health {Previous} -> {Current}: {Reason}")]
    public static partial void HealthChanged(ILogger logger, BackendHealthState previous, BackendHealthState current, string reason);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "Readiness probe: {Result}")]
    public static partial void Probed(ILogger logger, string result);
}
