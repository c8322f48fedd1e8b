using Microsoft.Extensions.Diagnostics.HealthChecks;
using PhoneBooking.IvrHost.Sessions;

namespace PhoneBooking.IvrHost.Health;

/// <summary>Every webhook loads and saves a session: without the store the line cannot serve a call.</summary>
internal sealed partial class SessionStoreHealthCheck(ICallSessionStore store, ILogger<SessionStoreHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("call session store reachable");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, ex);
            return new HealthCheckResult(context.Registration.FailureStatus, "call session store unreachable");
        }
    }

    [LoggerMessage(EventId = 2401, EventName = "SessionStoreUnreachable", Level = LogLevel.Warning, Message = "Readiness: the call session store is unreachable")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
