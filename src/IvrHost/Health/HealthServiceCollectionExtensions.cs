using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PhoneBooking.IvrHost.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Readiness checks: the session store (its failure makes the line unready) and the scheduling
    /// backend (reported, Degraded at worst). Needs the scheduling client's <c>IBackendHealth</c>.
    /// </summary>
    public static IServiceCollection AddLineHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SessionStoreHealthCheck>("sessions", tags: [HealthTags.Ready])
            .AddCheck<SchedulingBackendHealthCheck>("scheduling", failureStatus: HealthStatus.Degraded, tags: [HealthTags.Ready]);
        return services;
    }
}
