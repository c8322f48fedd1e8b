using Microsoft.Extensions.Diagnostics.HealthChecks;
using PhoneBooking.Storage;
using PhoneBooking.SchedulingApi.Health;

namespace PhoneBooking.IvrHost.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Readiness checks: the session store and the data folder's writes (either failing makes the
    /// line unready: every webhook writes its session), and the scheduling backend (reported,
    /// Degraded at worst). Needs the scheduling client's <c>IBackendHealth</c>.
    /// </summary>
    public static IServiceCollection AddLineHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SessionStoreHealthCheck>("sessions", tags: [HealthTags.Ready])
            .Add(new HealthCheckRegistration(
                WritableFolderHealthCheck.Name,
                sp => new WritableFolderHealthCheck(() => sp.GetRequiredService<DataDirectory>().Path, sp.GetRequiredService<ILogger<WritableFolderHealthCheck>>()),
                failureStatus: null,
                tags: [HealthTags.Ready]))
            .AddCheck<SchedulingBackendHealthCheck>("scheduling", failureStatus: HealthStatus.Degraded, tags: [HealthTags.Ready]);
        return services;
    }
}
