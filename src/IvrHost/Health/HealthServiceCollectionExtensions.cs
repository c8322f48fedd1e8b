using Microsoft.Extensions.Diagnostics.HealthChecks;
using PhoneBooking.Storage;
using PhoneBooking.SchedulingApi.Health;

namespace PhoneBooking.IvrHost.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Readiness checks: the session store and, on SQLite, the data folder's writes (either failing makes
    /// the line unready: every webhook writes its session), and the scheduling backend (reported,
    /// Degraded at worst). On PostgreSQL nothing is written locally: the session store's check stands for
    /// storage. Needs the scheduling client's <c>IBackendHealth</c>.
    /// </summary>
    public static IServiceCollection AddLineHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck<SessionStoreHealthCheck>("sessions", tags: [HealthTags.Ready]);
        if (configuration.GetStorageProvider() == StorageProvider.Sqlite)
        {
            checks.Add(new HealthCheckRegistration(
                WritableFolderHealthCheck.Name,
                sp => new WritableFolderHealthCheck(() => sp.GetRequiredService<DataDirectory>().Path, sp.GetRequiredService<ILogger<WritableFolderHealthCheck>>()),
                failureStatus: null,
                tags: [HealthTags.Ready]));
        }

        checks.AddCheck<SchedulingBackendHealthCheck>("scheduling", failureStatus: HealthStatus.Degraded, tags: [HealthTags.Ready]);
        return services;
    }
}
