using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBooking.IvrHost.Hosting;

namespace PhoneBooking.IvrHost.Admission;

public static class AdmissionServiceCollectionExtensions
{
    /// <summary>The door of the line (section <c>Admission</c>): its limits, the webhook load it watches, its counters.</summary>
    public static IServiceCollection AddAdmission(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AdmissionOptions, AdmissionOptionsValidator>(configuration, AdmissionOptions.SectionName);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookLoad>();
        services.TryAddSingleton<AdmissionMetrics>();
        services.TryAddSingleton<AdmissionGate>();
        return services;
    }
}
